package emulator

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// cronSpec is a parsed AWS cron expression:
// cron(minutes hours day-of-month month day-of-week year).
type cronSpec struct {
	minutes, hours []int
	dom, month     field
	dow, year      field
}

// field matches a value; nil matches anything ("*", "?" or forms this
// emulator doesn't evaluate such as L, W and #).
type field map[int]bool

func (f field) match(v int) bool { return f == nil || f[v] }

var (
	monthNames = map[string]int{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}
	dayNames   = map[string]int{"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
)

func parseCron(expr string) (cronSpec, error) {
	inner, ok := strings.CutPrefix(expr, "cron(")
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		return cronSpec{}, errors.New("expected cron(...)")
	}
	f := strings.Fields(inner)
	if len(f) != 6 {
		return cronSpec{}, errors.New("a cron expression has 6 fields: minutes hours day-of-month month day-of-week year")
	}
	var c cronSpec
	var err error
	if c.minutes, err = parseList(f[0], 0, 59); err != nil {
		return c, errors.New("minutes: " + err.Error())
	}
	if c.hours, err = parseList(f[1], 0, 23); err != nil {
		return c, errors.New("hours: " + err.Error())
	}
	if f[2] != "?" && f[4] != "?" {
		return c, errors.New("one of day-of-month and day-of-week must be ?")
	}
	if c.dom, err = parseField(f[2], 1, 31, nil); err != nil {
		return c, errors.New("day-of-month: " + err.Error())
	}
	if c.month, err = parseField(f[3], 1, 12, monthNames); err != nil {
		return c, errors.New("month: " + err.Error())
	}
	if c.dow, err = parseField(f[4], 1, 7, dayNames); err != nil {
		return c, errors.New("day-of-week: " + err.Error())
	}
	if c.year, err = parseField(f[5], 1970, 2199, nil); err != nil {
		return c, errors.New("year: " + err.Error())
	}
	return c, nil
}

// parseList parses a fixed list of values (rotation needs fixed times).
func parseList(s string, lo, hi int) ([]int, error) {
	f, err := parseField(s, lo, hi, nil)
	if err != nil {
		return nil, err
	}
	if f == nil {
		f = field{}
		for v := lo; v <= hi; v++ {
			f[v] = true
		}
	}
	var out []int
	for v := lo; v <= hi; v++ {
		if f[v] {
			out = append(out, v)
		}
	}
	return out, nil
}

func parseField(s string, lo, hi int, names map[string]int) (field, error) {
	if s == "*" || s == "?" || strings.ContainsAny(s, "LW#") {
		return nil, nil
	}
	f := field{}
	for part := range strings.SplitSeq(s, ",") {
		step := 1
		if base, st, ok := strings.Cut(part, "/"); ok {
			n, err := strconv.Atoi(st)
			if err != nil || n < 1 {
				return nil, errors.New("bad step " + strconv.Quote(st))
			}
			step, part = n, base
		}
		a, b := lo, hi
		if part != "*" {
			from, to, isRange := strings.Cut(part, "-")
			var err error
			if a, err = cronValue(from, lo, hi, names); err != nil {
				return nil, err
			}
			b = a
			if isRange {
				if b, err = cronValue(to, lo, hi, names); err != nil {
					return nil, err
				}
			} else if step > 1 {
				b = hi
			}
		}
		for v := a; v <= b; v += step {
			f[v] = true
		}
	}
	return f, nil
}

func cronValue(s string, lo, hi int, names map[string]int) (int, error) {
	if v, ok := names[strings.ToUpper(s)]; ok {
		return v, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, errors.New("bad value " + strconv.Quote(s))
	}
	return v, nil
}

// next is the first time strictly after t (UTC) the expression fires, or
// zero if none within about two years.
func (c cronSpec) next(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	for i := 0; i < 800; i++ {
		d := day.AddDate(0, 0, i)
		if !c.dom.match(d.Day()) || !c.month.match(int(d.Month())) ||
			!c.dow.match(int(d.Weekday())+1) || !c.year.match(d.Year()) {
			continue
		}
		for _, h := range c.hours {
			for _, m := range c.minutes {
				if at := d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute); at.After(t) {
					return at
				}
			}
		}
	}
	return time.Time{}
}

// nextRotation is when a schedule next rotates after from.
func nextRotation(r *rotationRules, from time.Time) time.Time {
	if r == nil {
		return time.Time{}
	}
	if r.AutomaticallyAfterDays > 0 {
		return from.AddDate(0, 0, int(r.AutomaticallyAfterDays))
	}
	x := r.ScheduleExpression
	if m := rateExpr.FindStringSubmatch(x); m != nil {
		n, _ := strconv.Atoi(m[1])
		if strings.HasPrefix(m[2], "hour") {
			return from.Add(time.Duration(n) * time.Hour)
		}
		return from.AddDate(0, 0, n)
	}
	if c, err := parseCron(x); err == nil {
		return c.next(from)
	}
	return time.Time{}
}
