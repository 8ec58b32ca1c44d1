package store

import "strconv"

// idList returns a subquery yielding the IDs encoded as a JSON array in the next argument,
// and that argument. One argument carries any number of IDs on both engines.
func (s *Store) idList(ids []int64) (string, any) {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	b = append(b, ']')
	if s.engine == Postgres {
		return "SELECT jsonb_array_elements_text(?::jsonb)::bigint", string(b)
	}
	return "SELECT value FROM json_each(?)", string(b)
}
