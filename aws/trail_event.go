package aws

import (
	"encoding/json"
	"strings"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
)

// TrailEvent is one CloudTrail event about a secret. Its text comes from
// AWS (and from whoever made the call: the user agent, a session name) and
// is untrusted.
type TrailEvent struct {
	ID        string
	Time      time.Time
	Name      string // the API call (GetSecretValue ...) or the service event (RotationFailed ...)
	Principal string // the caller's ARN (an assumed-role session's ARN), or the AWS service for service events
	Role      string // for an assumed-role session, the role's ARN
	Username  string // the IAM user or session name LookupEvents reports
	SourceIP  string // the caller's address, or the service's name
	UserAgent string
	ErrorCode string // set when AWS refused the call
	ReadOnly  bool
	Service   bool // an event Secrets Manager recorded itself (rotation), not a caller's request
}

// ShortPrincipal is the principal without its "arn:aws:iam::ACCOUNT:"
// prefix: "user/alice", "assumed-role/Role/session", or the service.
func (e TrailEvent) ShortPrincipal() string {
	p := e.Principal
	if !strings.HasPrefix(p, "arn:") {
		return p
	}
	parts := strings.SplitN(p, ":", 6)
	if len(parts) == 6 && parts[5] != "" {
		return parts[5]
	}
	return p
}

// cloudTrailRecord is the part of the CloudTrailEvent JSON document read.
type cloudTrailRecord struct {
	EventName       string `json:"eventName"`
	EventTime       string `json:"eventTime"`
	EventType       string `json:"eventType"`
	SourceIPAddress string `json:"sourceIPAddress"`
	UserAgent       string `json:"userAgent"`
	ErrorCode       string `json:"errorCode"`
	ReadOnly        any    `json:"readOnly"` // a boolean, a string in older records
	UserIdentity    struct {
		Type           string `json:"type"`
		ARN            string `json:"arn"`
		UserName       string `json:"userName"`
		InvokedBy      string `json:"invokedBy"`
		AccountID      string `json:"accountId"`
		SessionContext *struct {
			SessionIssuer struct {
				ARN      string `json:"arn"`
				UserName string `json:"userName"`
			} `json:"sessionIssuer"`
		} `json:"sessionContext"`
	} `json:"userIdentity"`
}

// trailEventOf reads one LookupEvents event: its CloudTrailEvent document
// when it parses, the summary fields otherwise.
func trailEventOf(e cttypes.Event) TrailEvent {
	ev := TrailEvent{
		ID:       awssdk.ToString(e.EventId),
		Name:     awssdk.ToString(e.EventName),
		Username: awssdk.ToString(e.Username),
		ReadOnly: awssdk.ToString(e.ReadOnly) == "true",
	}
	if e.EventTime != nil {
		ev.Time = *e.EventTime
	}
	var rec cloudTrailRecord
	if json.Unmarshal([]byte(awssdk.ToString(e.CloudTrailEvent)), &rec) != nil {
		ev.Principal = ev.Username
		return ev
	}
	if ev.Name == "" {
		ev.Name = rec.EventName
	}
	if t, err := time.Parse(time.RFC3339, rec.EventTime); err == nil && ev.Time.IsZero() {
		ev.Time = t
	}
	ev.SourceIP = rec.SourceIPAddress
	ev.UserAgent = rec.UserAgent
	ev.ErrorCode = rec.ErrorCode
	ev.Service = rec.EventType == "AwsServiceEvent"
	switch v := rec.ReadOnly.(type) {
	case bool:
		ev.ReadOnly = v
	case string:
		ev.ReadOnly = v == "true"
	}
	id := rec.UserIdentity
	switch {
	case id.ARN != "":
		ev.Principal = id.ARN
	case id.InvokedBy != "":
		ev.Principal = id.InvokedBy
	case id.Type == "Root" && id.AccountID != "":
		ev.Principal = "arn:aws:iam::" + id.AccountID + ":root"
	default:
		ev.Principal = ev.Username
	}
	if id.SessionContext != nil {
		ev.Role = id.SessionContext.SessionIssuer.ARN
	}
	if ev.Username == "" {
		ev.Username = id.UserName
	}
	return ev
}
