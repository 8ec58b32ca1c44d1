package synth

import (
	"fmt"
	"os"
	"strconv"
)

// BenchTasks is how many tasks the task-list benchmarks generate: 100,000 unless the
// environment variable CONGTAC_BENCH_TASKS says otherwise (200000 for the whole province).
// A value that is not a number of at least 1,000 is an error.
func BenchTasks() (int, error) {
	v := os.Getenv("CONGTAC_BENCH_TASKS")
	if v == "" {
		return 100000, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1000 {
		return 0, fmt.Errorf("CONGTAC_BENCH_TASKS=%q: want a number of tasks, at least 1000", v)
	}
	return n, nil
}

// BenchReports is how many reports benchmarks generate beside tasks tasks: the number in
// CONGTAC_BENCH_REPORTS, by default as many as tasks.
func BenchReports(tasks int) (int, error) {
	v := os.Getenv("CONGTAC_BENCH_REPORTS")
	if v == "" {
		return tasks, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("CONGTAC_BENCH_REPORTS=%q: want a number of reports", v)
	}
	return n, nil
}
