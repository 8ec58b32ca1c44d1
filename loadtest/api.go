package loadtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// The parts of the API's answers the harness reads; the API sends more.

type apiList[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

type apiProgram struct {
	ID       int64   `json:"id"`
	OrgID    int64   `json:"org_id"`
	Status   string  `json:"status"`
	Code     *string `json:"code"`
	IssuedOn *string `json:"issued_on"`
	Version  int     `json:"version"`
	Items    []struct {
		ID      int64  `json:"id"`
		Heading string `json:"heading"`
	} `json:"items"`
	Tasks []apiTask `json:"tasks"`
}

type apiTask struct {
	ID         int64   `json:"id"`
	ProgramID  int64   `json:"program_id"`
	ItemID     *int64  `json:"item_id"`
	Text       string  `json:"text"`
	LeadID     int64   `json:"lead_id"`
	Recurrence *string `json:"recurrence"`
	Supports   []struct {
		OrgID int64 `json:"org_id"`
	} `json:"supports"`
	Shares []struct {
		OrgID int64 `json:"org_id"`
	} `json:"shares"`
	Version int `json:"version"`
}

type apiReport struct {
	ID      int64  `json:"id"`
	TaskID  int64  `json:"task_id"`
	OrgID   int64  `json:"org_id"`
	Text    string `json:"text"`
	Percent int    `json:"percent"`
	Status  string `json:"status"`
	Version int    `json:"version"`
}

// Document is an entry of the outgoing register as the API answers it (the fields the
// harness reads).
type Document struct {
	ID         int64   `json:"id"`
	RegisterID int64   `json:"register_id"`
	OrgID      int64   `json:"org_id"`
	Type       string  `json:"type"`
	Number     int     `json:"number"`
	Code       string  `json:"code"`
	IssuedOn   *string `json:"issued_on"`
	ProgramID  *int64  `json:"program_id"`
}

// ReportInput is the body of POST /api/v1/reports.
type ReportInput struct {
	TaskID  int64  `json:"task_id"`
	OrgID   int64  `json:"org_id"`
	Text    string `json:"text"`
	Percent int    `json:"percent"`
	Submit  bool   `json:"submit"`
}

// createReport sends a progress report through the API and returns its ID (201).
func createReport(ctx context.Context, c *Client, in ReportInput) (int64, error) {
	var out apiReport
	if _, err := c.API(ctx, "POST /api/v1/reports", http.MethodPost, "/api/v1/reports", in, &out, http.StatusCreated); err != nil {
		return 0, err
	}
	if out.ID == 0 {
		return 0, fmt.Errorf("loadtest: report created without an id")
	}
	return out.ID, nil
}

// createTask adds a task with text, led by lead, to item of a draft through the API and
// returns it (201).
func createTask(ctx context.Context, c *Client, item int64, text string, lead int64) (apiTask, error) {
	var out apiTask
	body := map[string]any{"text": text, "lead": lead}
	_, err := c.API(ctx, "POST /api/v1/items/{id}/tasks", http.MethodPost, fmt.Sprintf("/api/v1/items/%d/tasks", item),
		body, &out, http.StatusCreated)
	return out, err
}

// errPeriodTaken is returned when the period asked for has a program already (409): from
// an earlier run, or left as a draft by a kill. The caller moves on to another period.
var errPeriodTaken = errors.New("loadtest: the period has a program already")

// issueWeek takes a week program of org for period ("2031-W07") through its whole life,
// as the office head does: draft, submit, approve, issue. It returns the issued program
// (with its code, "5/CTr-UBND"), or errPeriodTaken.
func issueWeek(ctx context.Context, c *Client, org int64, period string) (apiProgram, error) {
	var p apiProgram
	status, err := c.API(ctx, "POST /api/v1/programs", http.MethodPost, "/api/v1/programs",
		map[string]any{"org_id": org, "period": period}, &p, http.StatusCreated, http.StatusConflict)
	if err != nil {
		return p, err
	}
	if status == http.StatusConflict {
		return apiProgram{}, errPeriodTaken
	}
	for _, action := range []string{"submit", "approve"} {
		if _, err := c.API(ctx, "POST /api/v1/programs/{id}/transitions", http.MethodPost,
			fmt.Sprintf("/api/v1/programs/%d/transitions", p.ID), map[string]any{"version": p.Version, "action": action},
			&p, http.StatusOK); err != nil {
			return p, err
		}
	}
	_, err = c.API(ctx, "POST /api/v1/programs/{id}/issue", http.MethodPost, fmt.Sprintf("/api/v1/programs/%d/issue", p.ID),
		map[string]any{"version": p.Version}, &p, http.StatusOK)
	return p, err
}
