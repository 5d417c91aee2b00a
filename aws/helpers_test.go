package aws

import (
	"context"
	"errors"
	"time"
)

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// contextWithTimeout derives a deadline from the harness context.
func contextWithTimeout(h *harness, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(h.ctx, d)
}
