package emulator

// The access-denied demo: one secret refused at each layer AWS checks, under
// demo/denied/, so `smtui --demo` shows every diagnosis. The refusals are
// evaluated in access.go; the keys are kms.go's.

// Demo secrets refused at one layer each.
const (
	DemoDeniedIdentity    = "demo/denied/identity-policy"
	DemoDeniedResource    = "demo/denied/resource-policy"
	DemoDeniedSCP         = "demo/denied/scp"
	DemoDeniedVPCEndpoint = "demo/denied/vpc-endpoint"
	DemoDeniedBoundary    = "demo/denied/permissions-boundary"
	DemoDeniedKMSDisabled = "demo/denied/kms-disabled"
	DemoDeniedKMSPending  = "demo/denied/kms-pending-deletion"
)

// demoDenialReason is the end of AWS's access-denied message for a read
// (GetSecretValue, DescribeSecret) of a demo secret standing for a layer
// the emulator does not model, or "" for any other secret.
func demoDenialReason(name, action string) string {
	switch name {
	case DemoDeniedIdentity:
		return "because no identity-based policy allows the " + action + " action"
	case DemoDeniedSCP:
		return "with an explicit deny in a service control policy"
	case DemoDeniedVPCEndpoint:
		return "with an explicit deny in a VPC endpoint policy"
	case DemoDeniedBoundary:
		return "because no permissions boundary allows the " + action + " action"
	}
	return ""
}

// seedAccessDenied adds the access-denied demo secrets to us-east-1.
func (sd *seeder) seedAccessDenied() {
	r := usEast1
	acct := sd.e.opts.Account
	keyARN := func(alias string) string {
		k, _ := sd.e.findKMSKey(r, "alias/"+alias, sd.now)
		return sd.e.kmsKeyARN(r, k)
	}

	s := sd.add(r, DemoDeniedIdentity, "Reporting warehouse login: your role has no Allow for it", 200, 3, "team", "data", "env", "prod")
	sd.ver(s, sd.db("redshift", "warehouse.example.internal", 5439, "reporting", "analytics"), 30, labelCurrent)

	s = sd.add(r, DemoDeniedResource, "Payouts provider key: its resource policy denies human operators", 150, 1,
		"team", "payments", "env", "prod", "owner", "payouts-team")
	s.kmsKeyID = keyARN(kmsAliasOrders)
	sd.ver(s, "po_live_"+sd.password(28), 20, labelCurrent)
	s.policy = mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{
			map[string]any{
				"Sid":       "AllowPayoutsServiceRead",
				"Effect":    "Allow",
				"Principal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":role/payouts-service"},
				"Action":    "secretsmanager:GetSecretValue",
				"Resource":  "*",
			},
			map[string]any{
				"Sid":    "DenyHumanOperators",
				"Effect": "Deny",
				"Principal": map[string]any{"AWS": []string{
					"arn:aws:iam::" + acct + ":user/oncall",
					"arn:aws:iam::" + acct + ":role/OnCallOperator",
				}},
				"Action":   []string{"secretsmanager:GetSecretValue", "secretsmanager:Describe*"},
				"Resource": "*",
			},
		},
	})

	s = sd.add(r, DemoDeniedSCP, "Production signing key: the organization's SCP blocks reads outside the CI role", 400, 2, "team", "platform", "env", "prod")
	sd.ver(s, sd.password(40), 60, labelCurrent)

	s = sd.add(r, DemoDeniedVPCEndpoint, "Internal queue credentials: only readable through the VPC endpoint's allowed roles", 90, 1, "team", "platform", "env", "staging")
	sd.ver(s, sd.password(32), 10, labelCurrent)

	s = sd.add(r, DemoDeniedBoundary, "Contractor token: outside the permissions boundary of your role", 60, 5, "team", "sandbox", "env", "dev")
	sd.ver(s, sd.password(24), 15, labelCurrent)

	s = sd.add(r, DemoDeniedKMSDisabled, "Legacy billing export: encrypted with a KMS key that was disabled", 900, 40, "team", "billing", "env", "prod")
	s.kmsKeyID = keyARN(kmsAliasLegacy)
	sd.ver(s, sd.db("mysql", "billing-legacy.example.internal", 3306, "export", "billing"), 300, labelCurrent)

	s = sd.add(r, DemoDeniedKMSPending, "Retired vendor API key: its KMS key is scheduled for deletion", 500, 20, "team", "integrations", "env", "prod")
	s.kmsKeyID = keyARN(kmsAliasRetired)
	sd.ver(s, "rv_"+sd.password(30), 200, labelCurrent)
}
