package emulator

import (
	"slices"
	"strings"
)

// replicate copies a primary secret's metadata and versions to its InSync
// replicas in other regions. Callers hold e.mu.
func (e *Emulator) replicate(s *secret) {
	if s.isReplica {
		return
	}
	for _, rp := range s.replicas {
		if rp.status != "InSync" {
			continue
		}
		r := e.region(rp.region)
		rs := r.secrets[s.name]
		if rs == nil {
			rs = &secret{
				arn:       strings.Replace(s.arn, ":"+regionOfARN(s.arn)+":", ":"+rp.region+":", 1),
				name:      s.name,
				isReplica: true,
				created:   s.created,
			}
			r.add(rs)
		}
		accessed := map[string]*version{}
		for _, v := range rs.versions {
			accessed[v.id] = v
		}
		rs.description = s.description
		rs.kmsKeyID = rp.kmsKeyID
		rs.primaryRegion = s.primaryRegion
		rs.tags = slices.Clone(s.tags)
		rs.lastChanged = s.lastChanged
		rs.lastRotated = s.lastRotated
		rs.rotationEnabled = s.rotationEnabled
		rs.lambdaARN = s.lambdaARN
		rs.rules = s.rules
		rs.nextRotation = s.nextRotation
		rs.versions = rs.versions[:0]
		for _, v := range s.versions {
			cp := &version{id: v.id, stages: slices.Clone(v.stages), created: v.created, str: v.str, bin: v.bin}
			if old := accessed[v.id]; old != nil {
				cp.lastAccessed = old.lastAccessed
			}
			rs.versions = append(rs.versions, cp)
		}
		r.invalidate()
	}
}

// dropReplicas removes a deleted primary's replicas.
func (e *Emulator) dropReplicas(s *secret) {
	for _, rp := range s.replicas {
		if r, ok := e.regions[rp.region]; ok {
			if rs := r.secrets[s.name]; rs != nil && rs.isReplica {
				r.remove(rs)
			}
		}
	}
}

// regionOfARN is the region field of an ARN.
func regionOfARN(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}
