package congtac

import "testing"

func TestEveryCapabilityHasALabel(t *testing.T) {
	seen := map[string]Capability{}
	for _, c := range Capabilities {
		label := c.Label()
		if !isVietnamese(label) {
			t.Errorf("%s.Label() = %q, want a Vietnamese name", c, label)
		}
		if other, ok := seen[label]; ok {
			t.Errorf("%s and %s share the label %q", c, other, label)
		}
		seen[label] = c
	}
	if len(capabilityLabels) != len(Capabilities) {
		t.Errorf("%d labels for %d capabilities", len(capabilityLabels), len(Capabilities))
	}
	if got := Capability("khong_co").Label(); got != "" {
		t.Errorf("unknown capability label = %q, want \"\"", got)
	}
}
