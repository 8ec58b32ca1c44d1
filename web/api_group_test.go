package web

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

func TestAPIGroupLedTask(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			admin, office := bearerClient(t, st, srv, "admin"), bearerClient(t, st, srv, "vanphong")
			commune, cvp := bearerClient(t, st, srv, "xabaocao"), bearerClient(t, st, srv, "cvp")
			committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			xa := demoOrg(t, st, "Xã Tân Phước")

			g := decodeAs[apiOrg](t, admin.call("POST", "/api/v1/orgs", fmt.Sprintf(
				`{"parent_id": %d, "kind": "group", "name": "UBND các xã, phường", "display_name": "UBND các xã, phường"}`, committee.ID)),
				http.StatusCreated)
			members := fmt.Sprintf("/api/v1/orgs/%d/members", g.ID)
			apiErrorOf(t, office.call("PUT", members, `{"version": 1, "fill_kind": "commune"}`), http.StatusForbidden, congtac.EFORBIDDEN)
			apiErrorOf(t, admin.call("PUT", members, `{"version": 1, "fill_kind": "group"}`), http.StatusUnprocessableEntity, congtac.EINVALID)
			filled := decodeAs[apiGroupMembers](t, admin.call("PUT", members, `{"version": 1, "fill_kind": "commune"}`), http.StatusOK)
			communes := congtac.OrgCommune
			all, _ := st.FindOrgs(ctxb, congtac.OrgFilter{ParentID: &committee.ID, Kind: &communes})
			if len(filled.Members) != len(all) || len(all) < 10 || filled.Version != 2 {
				t.Fatalf("filled %d members at version %d, want the %d communes at version 2", len(filled.Members), filled.Version, len(all))
			}
			apiErrorOf(t, admin.call("PUT", members, `{"version": 1, "members": [1]}`), http.StatusConflict, congtac.ECONFLICT)
			if got := getAs[apiGroupMembers](office, members, http.StatusOK); len(got.Members) != len(all) {
				t.Errorf("GET members: %d, want %d", len(got.Members), len(all))
			}

			p := upcomingProgram(t, st, committee.ID)
			month := p.Period
			created := decodeAs[apiTask](t, office.call("POST", fmt.Sprintf("/api/v1/items/%d/tasks", p.Items[1].ID), fmt.Sprintf(
				`{"text": "Rà soát hộ nghèo", "lead": %d, "due": {"text": "trong tháng %d/%d"}}`, g.ID, month.Number, month.Year)),
				http.StatusCreated)
			if len(created.Shares) != len(all) || created.Shares[0].Status != string(congtac.StatusInProgress) {
				t.Errorf("the new task's shares: %+v, want one per commune, in progress", created.Shares)
			}
			mustIssue(t, st, p, demoToday)

			path := fmt.Sprintf("/api/v1/tasks/%d", created.ID)
			apiErrorOf(t, commune.call("POST", "/api/v1/reports", fmt.Sprintf(
				`{"task_id": %d, "org_id": %d, "text": "Xong", "percent": 100, "done_on": %q, "submit": true}`,
				created.ID, g.ID, demoToday.String())), http.StatusForbidden, congtac.EFORBIDDEN)
			rep := decodeAs[apiReport](t, commune.call("POST", "/api/v1/reports", fmt.Sprintf(
				`{"task_id": %d, "org_id": %d, "text": "Đã rà soát 120 hộ.", "percent": 100, "done_on": %q, "submit": true}`,
				created.ID, xa.ID, demoToday.String())), http.StatusCreated)
			decodeAs[apiReport](t, cvp.call("POST", fmt.Sprintf("/api/v1/reports/%d/review", rep.ID),
				fmt.Sprintf(`{"version": %d, "action": "accept"}`, rep.Version)), http.StatusOK)

			got := getAs[apiTaskDetail](office, path, http.StatusOK)
			i := slices.IndexFunc(got.Shares, func(sh apiShare) bool { return sh.OrgID == xa.ID })
			if i < 0 || got.Shares[i].Status != string(congtac.StatusDoneOnTime) || *got.Shares[i].DoneOn != demoToday.String() {
				t.Errorf("Tân Phước's share: %+v, want done on time today", got.Shares)
			}
			if got.Status != string(congtac.StatusInProgress) || got.DoneOn != nil {
				t.Errorf("task status %s, done %v; want in progress while other communes are open", got.Status, got.DoneOn)
			}
			if mine := getAs[apiTaskDetail](commune, path, http.StatusOK); mine.ID != created.ID {
				t.Error("the commune cannot read the group-led task")
			}
		})
	}
}
