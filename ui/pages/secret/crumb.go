package secret

// SecretName is the secret the detail screen is about (common.SecretScreen):
// the breadcrumb keeps it on a narrow window.
func (d *Detail) SecretName() string { return d.Summary.Name }
