package ui

// SignalGrace is signalGrace, for the end-to-end tests (package ui_test).
const SignalGrace = signalGrace
