package main

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

func TestFaultFlagParses(t *testing.T) {
	var f faultFlags
	if err := f.Set("PutSecretValue=latency:2s,drop,times:3,secret:dev/x"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set("*=error:ThrottlingException,region:eu-west-1"); err != nil {
		t.Fatal(err)
	}
	want := []emulator.Fault{
		{Op: "PutSecretValue", Latency: 2 * time.Second, DropResponse: true, Times: 3, SecretID: "dev/x"},
		{Error: "ThrottlingException", Region: "eu-west-1"},
	}
	if len(f) != len(want) || f[0] != want[0] || f[1] != want[1] {
		t.Fatalf("parsed %+v, want %+v", f, want)
	}
}

func TestFaultFlagRefusesNonsense(t *testing.T) {
	for _, v := range []string{"", "PutSecretValue", "PutSecretValue=", "X=latency:soon", "X=times:0", "X=error", "X=explode"} {
		var f faultFlags
		if err := f.Set(v); err == nil {
			t.Errorf("Set(%q) accepted %+v", v, f)
		}
	}
}

func TestStartOnRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:0", ":0", "example.com:0"} {
		if srv, err := emulator.StartOn(addr, emulator.Options{}); err == nil {
			srv.Close()
			t.Errorf("StartOn(%q) listened", addr)
		}
	}
	srv, err := emulator.StartOn("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.URL == "http://127.0.0.1:0" {
		t.Fatalf("URL %s does not name the chosen port", srv.URL)
	}
}

func TestListSpeedFlagsAreOffered(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{"-h"}, &out, &errb); code != 0 {
		t.Fatalf("-h exited %d", code)
	}
	for _, flag := range []string{"-list-latency", "-list-rate"} {
		if !strings.Contains(errb.String(), flag) {
			t.Errorf("usage does not offer %s:\n%s", flag, errb.String())
		}
	}
	if code := run([]string{"--list-latency", "soon"}, &out, &errb); code != 2 {
		t.Errorf("a bad --list-latency exited %d, want 2", code)
	}
}
