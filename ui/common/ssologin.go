package common

// SSOLogin is a command the App runs with the terminal handed over to it.
type SSOLogin interface {
	Run() error
}
