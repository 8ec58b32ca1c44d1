package congtac

import (
	"testing"
	"time"
)

func TestProposalValidateAndDeadline(t *testing.T) {
	may := Period{PeriodMonth, 2023, 5}
	ok := Proposal{Kind: ProposeTask, Text: "Khởi công đường giao thông", Lead: 3, Period: may}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid proposal: %v", err)
	}
	for name, p := range map[string]Proposal{
		"no text":    {Kind: ProposeTask, Lead: 3, Period: may},
		"no lead":    {Kind: ProposeTask, Text: "x", Period: may},
		"bad kind":   {Kind: "x", Text: "x", Lead: 3, Period: may},
		"bad period": {Kind: ProposeItem, Text: "x", Period: Period{PeriodMonth, 2023, 13}},
	} {
		if ErrorCode(p.Validate()) != EINVALID {
			t.Errorf("%s: want EINVALID", name)
		}
	}
	if err := (Proposal{Kind: ProposeItem, Text: "Nội dung", Period: may}).Validate(); err != nil {
		t.Errorf("an item needs no lead: %v", err)
	}
	s := DefaultSettings() // 7 days for a month
	if got, want := ProposalDeadline(s, may), MustDate(2023, time.April, 24); got != want {
		t.Errorf("deadline for May = %s, want %s", got, want)
	}
}
