package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// pager places one page of a list among the others, for the links under a table.
type pager struct {
	Page, Pages int
	Total       int // rows in the whole list
	First, Last int // 1-based positions of the rows on this page; 0 when there are none
	Prev, Next  string
}

// pageParam returns the 1-based page the query asks for in parameter "page"; anything
// else than a positive number is the first page.
func pageParam(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// newPager returns the pager of page (1-based) of a list of total rows shown perPage at a
// time, whose links keep the request's other query parameters.
func newPager(r *http.Request, page, perPage, total int) pager {
	p := pager{Page: page, Total: total, Pages: max(1, (total+perPage-1)/perPage)}
	if total > 0 && page <= p.Pages {
		p.First, p.Last = (page-1)*perPage+1, min(page*perPage, total)
	}
	link := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		if n == 1 {
			q.Del("page")
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	return p
}
