package web

// programExamples are the examples of the programs, their items and tasks, the task
// actions, proposals, reviewers' remarks, versions, deadlines, the board, the register's
// documents, search and the audit log.
func programExamples(x *exampleRun) {
}
