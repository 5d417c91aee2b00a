package review

import "slices"

// AWS's published Secrets Manager price, as read on its pricing page.
const (
	// PricePerSecretMonth is USD per secret per month; each replica is
	// billed as a secret.
	PricePerSecretMonth = 0.40
	// PriceDate is when PricePerSecretMonth was read from PricingURL.
	PriceDate  = "2026-11-29"
	PricingURL = "https://aws.amazon.com/secrets-manager/pricing/"
)

// Cost is the monthly cost estimate of what was reviewed.
type Cost struct {
	// Secrets are the listed secrets billed (primaries and replicas listed
	// in their region); secrets scheduled for deletion are not billed and
	// are counted apart in Deleted.
	Secrets int `json:"secrets"`
	// Replicas are replicas of listed primaries in regions not reviewed.
	Replicas     int     `json:"replicas_elsewhere"`
	Deleted      int     `json:"scheduled_for_deletion_not_billed"`
	USDPerMonth  float64 `json:"usd_per_month"`
	PricePerUnit float64 `json:"usd_per_secret_month"`
	PriceDate    string  `json:"price_date"`
	Source       string  `json:"price_source"`
	Note         string  `json:"note"`
}

// estimate counts what in is billed for: every listed secret not scheduled
// for deletion, and the replicas of listed primaries in regions the review
// did not list (a replica listed in its own region is already counted). API
// calls ($0.05 per 10,000) are left out: the listing cannot know them.
func estimate(in Input) Cost {
	c := Cost{PricePerUnit: PricePerSecretMonth, PriceDate: PriceDate, Source: PricingURL,
		Note: "estimate: storage only, at AWS's published price; API calls ($0.05 per 10,000) and KMS are extra"}
	var regions []string
	for _, s := range in.Secrets {
		if !slices.Contains(regions, s.Region) {
			regions = append(regions, s.Region)
		}
	}
	for _, s := range in.Secrets {
		if !s.DeletedDate.IsZero() {
			c.Deleted++
			continue
		}
		c.Secrets++
		for _, r := range in.Replicas[s.ARN] {
			if !slices.Contains(regions, r) {
				c.Replicas++
			}
		}
	}
	c.USDPerMonth = float64(c.Secrets+c.Replicas) * PricePerSecretMonth
	return c
}
