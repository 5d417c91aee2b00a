package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// stsAPI lists the STS client methods the access diagnosis uses.
type stsAPI interface {
	GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

// kmsAPI lists the KMS client methods the access diagnosis uses.
type kmsAPI interface {
	DescribeKey(context.Context, *kms.DescribeKeyInput, ...func(*kms.Options)) (*kms.DescribeKeyOutput, error)
}

// diagClients builds the STS and KMS clients from the Secrets Manager
// client's configuration, when a diagnosis is asked for (most sessions
// never need them). Building a client makes no request.
func (s *sdkStore) diagClients() (stsAPI, kmsAPI) {
	cfg, ep := s.serviceConfig()
	stsClient := sts.NewFromConfig(cfg, func(o *sts.Options) {
		if ep != "" {
			o.BaseEndpoint = &ep
		}
	})
	kmsClient := kms.NewFromConfig(cfg, func(o *kms.Options) {
		if ep != "" {
			o.BaseEndpoint = &ep
		}
	})
	return stsClient, kmsClient
}
