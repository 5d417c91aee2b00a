package review

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the report as indented JSON. Names and details come
// from AWS: JSON escapes whatever they hold.
func WriteJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write the review as JSON: %w", err)
	}
	return nil
}

// WriteText writes the report for a person: each finding with its
// severity, count, the Security Hub control or Config rule it follows, and
// its secrets. clean makes text from AWS safe for a terminal (the caller's
// sanitizer: control characters and escapes removed).
func WriteText(w io.Writer, r Report, clean func(string) string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Review of %d secrets at %s (N = %d days)\n", r.Secrets, r.At.Format("2006-01-02 15:04 MST"), r.Days)
	if len(r.Findings) == 0 {
		b.WriteString("\nNo findings.\n")
	}
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n[%s] %s: %d\n", strings.ToUpper(f.Severity.String()), f.Title, f.Count())
		if src := Source(f); src != "" {
			fmt.Fprintf(&b, "  %s\n", src)
		}
		for _, h := range f.Secrets {
			fmt.Fprintf(&b, "  - %s (%s)", clean(h.Name), clean(h.Region))
			if h.Detail != "" {
				fmt.Fprintf(&b, ": %s", clean(h.Detail))
			}
			b.WriteString("\n")
		}
	}
	if len(r.Unchecked) > 0 {
		fmt.Fprintf(&b, "\nNot fully checked: %d\n", len(r.Unchecked))
		for _, h := range r.Unchecked {
			fmt.Fprintf(&b, "  - %s (%s): %s\n", clean(h.Name), clean(h.Region), clean(h.Detail))
		}
	}
	b.WriteString("\n" + CostText(r.Cost) + "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write the review: %w", err)
	}
	return nil
}

// Source names what a finding follows: its Security Hub control and AWS
// Config rule, or "" for smtui's own checks.
func Source(f Finding) string {
	var parts []string
	if f.Control != "" {
		parts = append(parts, "Security Hub "+f.Control)
	}
	if f.ConfigRule != "" {
		parts = append(parts, "AWS Config "+f.ConfigRule)
	}
	return strings.Join(parts, " · ")
}

// CostText is the cost estimate in one line, stating it as an estimate with
// the price, its date and source.
func CostText(c Cost) string {
	s := fmt.Sprintf("Estimated cost: $%.2f/month for %d secrets", c.USDPerMonth, c.Secrets)
	if c.Replicas > 0 {
		s += fmt.Sprintf(" and %d replicas in regions not listed", c.Replicas)
	}
	s += fmt.Sprintf(" at $%.2f per secret-month (AWS's published price on %s, %s); API calls and KMS extra", c.PricePerUnit, c.PriceDate, c.Source)
	if c.Deleted > 0 {
		s += fmt.Sprintf("; %d scheduled for deletion not counted", c.Deleted)
	}
	return s
}
