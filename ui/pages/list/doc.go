// Package list holds the start of the UI: the secret list (one region or
// all), the server-side filter, and the session screens around it: the
// region and profile pickers, the SSO login and the MFA code prompt.
package list
