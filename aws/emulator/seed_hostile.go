package emulator

import (
	"strings"
	"time"
)

// The hostile fixture account: secrets whose names are valid AWS names but
// whose every other field carries what an attacker (or an accident) can put
// there: OSC 8 hyperlinks (closed and unclosed), SGR conceal and
// black-on-black colours, C1 controls (U+0080–U+009F, and a CSI as U+009B),
// clear screen, cursor moves, OSC 0 title and OSC 52 clipboard writes, a CR
// that would overwrite a warning, bidi overrides, ZWJ emoji, wide CJK,
// combining marks, and invalid UTF-8 where the wire permits it (binary
// values; JSON strings are UTF-8). It is loaded by Options.Hostile for the
// UI's terminal-safety tests and is never part of the demo.

// Hostile text, exported so tests can look for what must never reach the
// terminal raw.
const (
	HostileOSC8       = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
	HostileOSC8Open   = "\x1b]8;;https://evil.example/spread\x07everything after this is a link"
	HostileConceal    = "\x1b[8mCONCEALED\x1b[0m"
	HostileBlack      = "\x1b[30;40mblack on black\x1b[0m"
	HostileC1         = "c1\u0085\u008d\u0090\u009b2J\u009b31mred\u009c"
	HostileClear      = "\x1b[2J\x1b[H\x1b[3;5Hmoved\x1b[1A\x1b[K"
	HostileTitle      = "\x1b]0;pwned title\x07"
	HostileClipboard  = "\x1b]52;c;cm0gLXJmIC8K\x07"
	HostileOverwrite  = "PRODUCTION - DO NOT DELETE\rtest scratch, safe to delete"
	HostileBidi       = "invoice\u202Efdp.exe\u202C \u2066iso\u2069 \u200F"
	HostileZWJ        = "👩\u200D💻 👨\u200D👩\u200D👧\u200D👦 🏳\uFE0F\u200D🌈"
	HostileWide       = "密码パスワード비밀번호"
	HostileCombining  = "e\u0301\u0302\u0303\u0304 Z\u0351\u0352\u0353a\u0354\u0355lgo"
	HostileInvisibles = "zero\u200Bwidth\u2060joiner\uFEFFbom\u00ADshy"
	// HostileErrorMessage is the message of an endpoint error that carries
	// an OSC 8 link and C1 controls; inject it with Fault.Message.
	HostileErrorMessage = "User is not authorized " + HostileOSC8Open + " \u009b2J\u0085 " + HostileTitle
)

// hostileAll is every hostile string in one line, for fields that get one.
func hostileAll() string {
	return strings.Join([]string{HostileOSC8, HostileOSC8Open, HostileConceal, HostileBlack, HostileC1,
		HostileClear, HostileTitle, HostileClipboard, HostileOverwrite, HostileBidi, HostileZWJ, HostileWide,
		HostileCombining, HostileInvisibles}, " | ")
}

// Names of the hostile fixture secrets (all in us-east-1; the replicated one
// also has replicas in eu-west-1 and ap-southeast-2).
const (
	HostileJSONName       = "hostile/json-values"
	HostileGuardName      = "hostile/prod-guard"
	HostilePlaintextName  = "hostile/plaintext"
	HostileBinaryName     = "hostile/binary"
	HostileReplicatedName = "hostile/replicated"
	HostileDeletedName    = "hostile/scheduled-for-deletion"
)

// HostileVersionID is the id of the hostile/prod-guard version that holds
// AWSPENDING.
const HostileVersionID = "\x1b]8;;https://evil.example/\x07pending\u202e\u009b2J-0123456789abcdef0123"

// HostileLongName is a valid 512-character secret name.
func HostileLongName() string { return "hostile/" + strings.Repeat("very-long-name.", 34)[:504] }

// seedHostile loads the hostile fixture secrets into us-east-1 (and the
// replicas of one of them).
func (e *Emulator) seedHostile(now time.Time) {
	sd := &seeder{e: e, rng: e.rng, now: now}
	r := usEast1
	kms := "arn:aws:kms:us-east-1:" + e.opts.Account + ":key/" + HostileBlack + HostileC1
	policy := mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid":       "Allow" + HostileOSC8Open,
			"Effect":    "Allow" + HostileConceal,
			"Principal": map[string]any{"AWS" + HostileClear: "arn:aws:iam::" + e.opts.Account + ":role/" + HostileBidi},
			"Action":    "secretsmanager:GetSecretValue" + HostileClipboard,
			"Resource":  HostileOverwrite + HostileC1 + HostileZWJ + HostileWide,
		}},
	})
	hostileJSON := func(variant string) string {
		return mustJSON(map[string]any{
			"username":                 "admin" + HostileConceal + variant,
			"password":                 HostileC1 + variant,
			"link":                     HostileOSC8 + " " + HostileOSC8Open,
			"overwrite":                HostileOverwrite,
			"bidi":                     HostileBidi,
			"emoji":                    HostileZWJ,
			"wide":                     HostileWide + variant,
			"combining":                HostileCombining,
			"screen":                   HostileClear + HostileTitle + HostileClipboard,
			"key" + HostileBlack:       "value under a hostile key",
			"nested" + HostileOSC8Open: map[string]any{"deep" + HostileC1: []any{HostileInvisibles, HostileBidi + variant}},
		})
	}

	s := sd.add(r, HostileJSONName, "JSON values: "+hostileAll(), 90, 1,
		"team"+HostileOSC8Open, "payments"+HostileC1,
		"env", HostileConceal+"prod",
		"owner"+HostileBidi, HostileBlack+HostileZWJ,
		"note", HostileOverwrite)
	s.kmsKeyID = kms
	sd.ver(s, hostileJSON("-old"), 40, labelPrevious, "BLUE"+HostileOSC8Open)
	sd.ver(s, hostileJSON("-new"), 5, labelCurrent, HostileConceal, "C1\u009b2J", "RTL\u202Eabc")
	s.policy = policy

	s = sd.add(r, HostileGuardName, HostileOverwrite, 120, 2,
		"guard", HostileOverwrite, "colour", HostileBlack)
	s.kmsKeyID = kms
	s.owningService = "svc" + HostileC1
	sd.ver(s, mustJSON(map[string]string{"port": "5432\r9999", "note": HostileOverwrite}), 60, labelPrevious)
	sd.ver(s, `{"port":"5432","note":"plain"}`, 10, labelCurrent)
	// A stuck rotation: its warning names the Lambda and the pending version,
	// whose id (a ClientRequestToken, 32-64 characters of the writer's
	// choosing) is hostile too.
	pending := sd.ver(s, `{"port":"5433","note":"pending"}`, 1, labelPending)
	pending.id = HostileVersionID
	sd.rotation(s, sd.lambda(r, "rotate")+HostileTitle+HostileOSC8Open,
		rotationRules{ScheduleExpression: "rate(1 day)" + HostileClear, Duration: "2h" + HostileC1}, 10)
	s.policy = policy

	s = sd.add(r, HostilePlaintextName, HostileBidi+" "+HostileZWJ+" "+HostileWide, 80, 3, "k", HostileCombining)
	plain := "line one " + HostileOSC8Open + "\n" + HostileOverwrite + "\r\n" + HostileClear + HostileTitle + "\n" +
		HostileClipboard + HostileC1 + "\n" + HostileBidi + "\t" + HostileZWJ + "\n" + HostileWide + HostileCombining + HostileInvisibles
	sd.ver(s, plain+" (previous)", 30, labelPrevious)
	sd.ver(s, plain, 3, labelCurrent)

	s = sd.add(r, HostileBinaryName, "binary: "+HostileOSC8Open, 70, -1)
	sd.bin(s, []byte("\x1b]8;;https://evil.example/\x07\xff\xfe\x9b2J\xc2\x9b31m\x1b[2J\rlink\x00"), 7, labelCurrent)

	s = sd.add(r, HostileReplicatedName, "replicated: "+HostileC1, 60, 0)
	sd.ver(s, `{"api_key":"`+"\\u001b[8mhidden\\u001b[0m"+`"}`, 6, labelCurrent)
	s.primaryRegion = usEast1
	s.replicas = []replica{
		{region: euWest1, kmsKeyID: kms, status: "InSync"},
		{region: apSE2, kmsKeyID: "alias/" + HostileOSC8Open, status: "InSync"},
	}
	sd.e.replicate(s)
	s.replicas[1].status = "Failed"
	s.replicas[1].statusMessage = "Replication failed: " + HostileOSC8Open + " " + HostileC1 + " " + HostileOverwrite

	s = sd.add(r, HostileDeletedName, "deleted: "+HostileOverwrite+HostileOSC8Open, 200, 20, "env", HostileBlack)
	sd.ver(s, `{"a":"`+"\\u009b2J"+`"}`, 100, labelCurrent)
	s.deleted = sd.ago(3)
	s.deletionDate = s.deleted.Add(30 * 24 * time.Hour)
	sd.e.region(r).scheduled[s] = struct{}{}

	s = sd.add(r, HostileLongName(), HostileWide+HostileCombining, 50, 0, "k", "v")
	sd.ver(s, "x", 5, labelCurrent)
}
