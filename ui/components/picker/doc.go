// Package picker is a filterable pick list (one or several entries),
// used by the region and profile pickers.
package picker
