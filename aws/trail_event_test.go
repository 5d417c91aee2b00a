package aws

import (
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
)

func TestTrailEventOfRecords(t *testing.T) {
	at := time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)
	cases := []struct {
		name string
		in   cttypes.Event
		want TrailEvent
	}{{
		name: "assumed role",
		in: cttypes.Event{EventId: awssdk.String("e1"), EventName: awssdk.String("GetSecretValue"), EventTime: &at, Username: awssdk.String("sess"),
			ReadOnly: awssdk.String("true"),
			CloudTrailEvent: awssdk.String(`{"eventName":"GetSecretValue","sourceIPAddress":"10.0.0.1","userAgent":"ua","readOnly":true,"eventType":"AwsApiCall",
				"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/R/sess","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/R"}}}}`)},
		want: TrailEvent{ID: "e1", Time: at, Name: "GetSecretValue", Principal: "arn:aws:sts::1:assumed-role/R/sess", Role: "arn:aws:iam::1:role/R",
			Username: "sess", SourceIP: "10.0.0.1", UserAgent: "ua", ReadOnly: true},
	}, {
		name: "service event",
		in: cttypes.Event{EventName: awssdk.String("RotationFailed"), EventTime: &at,
			CloudTrailEvent: awssdk.String(`{"eventType":"AwsServiceEvent","sourceIPAddress":"secretsmanager.amazonaws.com","userIdentity":{"accountId":"1","invokedBy":"secretsmanager.amazonaws.com"}}`)},
		want: TrailEvent{Time: at, Name: "RotationFailed", Principal: "secretsmanager.amazonaws.com", SourceIP: "secretsmanager.amazonaws.com", Service: true},
	}, {
		name: "root, refused, readOnly as a string, time from the record",
		in: cttypes.Event{EventName: awssdk.String("DeleteSecret"),
			CloudTrailEvent: awssdk.String(`{"eventTime":"2026-11-28T09:30:00Z","errorCode":"AccessDeniedException","readOnly":"false","userIdentity":{"type":"Root","accountId":"1"}}`)},
		want: TrailEvent{Time: at, Name: "DeleteSecret", Principal: "arn:aws:iam::1:root", ErrorCode: "AccessDeniedException"},
	}, {
		name: "unparsable document: the summary fields",
		in:   cttypes.Event{EventName: awssdk.String("PutSecretValue"), EventTime: &at, Username: awssdk.String("alice"), CloudTrailEvent: awssdk.String("{not json")},
		want: TrailEvent{Time: at, Name: "PutSecretValue", Principal: "alice", Username: "alice"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := trailEventOf(c.in); got != c.want {
				t.Fatalf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestTrailEventShortPrincipal(t *testing.T) {
	for in, want := range map[string]string{
		"arn:aws:iam::123456789012:user/alice":             "user/alice",
		"arn:aws:sts::123456789012:assumed-role/R/s@x.com": "assumed-role/R/s@x.com",
		"secretsmanager.amazonaws.com":                     "secretsmanager.amazonaws.com",
		"arn:aws:iam::123456789012:root":                   "root",
	} {
		if got := (TrailEvent{Principal: in}).ShortPrincipal(); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}
