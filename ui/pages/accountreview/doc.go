// Package accountreview is the account review screen: "what needs
// attention?" over the secrets the list has loaded, metadata only (the
// engine is aws/review). Each finding is a group with its count; enter on
// one shows the list filtered to exactly its secrets.
package accountreview
