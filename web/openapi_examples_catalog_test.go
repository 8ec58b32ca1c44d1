package web

import (
	"fmt"
	"net/http"
)

// catalogExamples are the examples of the account, the document itself, the orgs, people,
// posts, accounts, settings and tokens.
func catalogExamples(x *exampleRun) {
	x.example("openAPI", "phongbaocao", http.MethodGet, "/api/v1/openapi.json", nil)
	x.example("me", "phongbaocao", http.MethodGet, "/api/v1/me", nil)
	finance := x.org("Sở Tài chính")
	x.example("orgList", "vanphong", http.MethodGet, "/api/v1/orgs?q=tai%20chinh&limit=2", nil)
	x.example("orgShow", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/orgs/%d", finance), nil)
}
