package emulator

import (
	"encoding/json"
	"strings"
	"time"
)

// cloudTrailRecord is the JSON document of one event, as LookupEvents
// returns it in CloudTrailEvent.
type cloudTrailRecord struct {
	EventVersion        string            `json:"eventVersion"`
	UserIdentity        userIdentity      `json:"userIdentity"`
	EventTime           string            `json:"eventTime"`
	EventSource         string            `json:"eventSource"`
	EventName           string            `json:"eventName"`
	AWSRegion           string            `json:"awsRegion"`
	SourceIPAddress     string            `json:"sourceIPAddress"`
	UserAgent           string            `json:"userAgent"`
	ErrorCode           string            `json:"errorCode,omitempty"`
	ErrorMessage        string            `json:"errorMessage,omitempty"`
	RequestParameters   map[string]any    `json:"requestParameters"`
	ResponseElements    map[string]any    `json:"responseElements"`
	AdditionalEventData map[string]string `json:"additionalEventData,omitempty"`
	RequestID           string            `json:"requestID"`
	EventID             string            `json:"eventID"`
	ReadOnly            bool              `json:"readOnly"`
	Resources           []recordResource  `json:"resources,omitempty"`
	EventType           string            `json:"eventType"`
	ManagementEvent     bool              `json:"managementEvent"`
	RecipientAccountID  string            `json:"recipientAccountId"`
	EventCategory       string            `json:"eventCategory"`
}

type recordResource struct {
	AccountID string `json:"accountId"`
	Type      string `json:"type"`
	ARN       string `json:"ARN"`
}

type sessionIssuer struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
	ARN         string `json:"arn"`
	AccountID   string `json:"accountId"`
	UserName    string `json:"userName"`
}

type sessionContext struct {
	SessionIssuer sessionIssuer     `json:"sessionIssuer"`
	Attributes    map[string]string `json:"attributes"`
}

type userIdentity struct {
	Type           string          `json:"type,omitempty"`
	PrincipalID    string          `json:"principalId,omitempty"`
	ARN            string          `json:"arn,omitempty"`
	AccountID      string          `json:"accountId"`
	AccessKeyID    string          `json:"accessKeyId,omitempty"`
	UserName       string          `json:"userName,omitempty"`
	InvokedBy      string          `json:"invokedBy,omitempty"`
	SessionContext *sessionContext `json:"sessionContext,omitempty"`
}

// identityOf describes the caller principal (an IAM user, root or an
// assumed-role session ARN) as CloudTrail's userIdentity.
func identityOf(principal, accessKey, account string, at time.Time) userIdentity {
	id := userIdentity{ARN: principal, AccountID: account, AccessKeyID: accessKey}
	_, res, _ := strings.Cut(principal, ":"+account+":")
	switch {
	case strings.HasPrefix(res, "assumed-role/"):
		parts := strings.SplitN(strings.TrimPrefix(res, "assumed-role/"), "/", 2)
		role, session := parts[0], ""
		if len(parts) == 2 {
			session = parts[1]
		}
		roleID := "AROA" + strings.ToUpper(fakeID(role))
		id.Type = "AssumedRole"
		id.PrincipalID = roleID + ":" + session
		id.SessionContext = &sessionContext{
			SessionIssuer: sessionIssuer{Type: "Role", PrincipalID: roleID,
				ARN: "arn:aws:iam::" + account + ":role/" + role, AccountID: account, UserName: role},
			Attributes: map[string]string{
				"creationDate":     at.Add(-17 * time.Minute).UTC().Format(time.RFC3339),
				"mfaAuthenticated": "false",
			},
		}
	case res == "root":
		id.Type = "Root"
		id.PrincipalID = account
	default:
		user := strings.TrimPrefix(res, "user/")
		if i := strings.LastIndex(user, "/"); i >= 0 {
			user = user[i+1:]
		}
		id.Type = "IAMUser"
		id.PrincipalID = "AIDA" + strings.ToUpper(fakeID(user))
		id.UserName = user
	}
	return id
}

// usernameOf is LookupEvents' Username of a principal: the IAM user name,
// or an assumed role's session name.
func usernameOf(principal string) string {
	if principal == "" {
		return ""
	}
	if _, res, ok := strings.Cut(principal, ":assumed-role/"); ok {
		if _, session, ok := strings.Cut(res, "/"); ok {
			return session
		}
		return res
	}
	if strings.HasSuffix(principal, ":root") {
		return "root"
	}
	return principal[strings.LastIndex(principal, "/")+1:]
}

// fakeID is a stable 16-character id derived from s (principal ids).
func fakeID(s string) string {
	const digits = "abcdefghijklmnopqrstuvwxyz234567"
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	b := make([]byte, 16)
	for i := range b {
		b[i] = digits[h%32]
		h = h/32 ^ uint64(i)*0x9E3779B97F4A7C15
	}
	return string(b)
}

// record renders ev as the CloudTrailEvent JSON string.
func (ev *trailEvent) record(account string) string {
	rec := cloudTrailRecord{
		EventVersion:       "1.09",
		EventTime:          ev.time.UTC().Format(time.RFC3339),
		EventSource:        trailSource,
		EventName:          ev.name,
		AWSRegion:          ev.region,
		SourceIPAddress:    ev.sourceIP,
		UserAgent:          ev.userAgent,
		ErrorCode:          ev.errCode,
		ErrorMessage:       ev.errMsg,
		RequestParameters:  ev.params,
		RequestID:          ev.id[:8] + "-req",
		EventID:            ev.id,
		ReadOnly:           ev.readOnly,
		EventType:          "AwsApiCall",
		ManagementEvent:    true,
		RecipientAccountID: account,
		EventCategory:      "Management",
	}
	if ev.service {
		rec.EventVersion = "1.05"
		rec.UserIdentity = userIdentity{AccountID: account, InvokedBy: trailSource}
		rec.UserAgent = trailSource
		rec.EventType = "AwsServiceEvent"
		rec.AdditionalEventData = map[string]string{"SecretId": ev.resource}
	} else {
		rec.UserIdentity = identityOf(ev.principal, ev.accessKey, account, ev.time)
		if ev.resource != "" {
			rec.Resources = []recordResource{{AccountID: account, Type: "AWS::SecretsManager::Secret", ARN: ev.resource}}
		}
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return "{}"
	}
	return string(b)
}
