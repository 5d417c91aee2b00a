package aws

import "errors"

// ErrNoRegion is wrapped by Connect's error when neither the options, the
// environment nor the profile name a region, so the UI can offer the region
// picker instead of failing (errors.Is(err, ErrNoRegion)).
var ErrNoRegion = errors.New("no region is configured")
