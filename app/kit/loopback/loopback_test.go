package loopback

import "testing"

func TestOnMachine(t *testing.T) {
	for host, want := range map[string]bool{
		"": true, "/var/run/postgresql": true, "localhost": true, "127.0.0.1": true, "127.8.9.1": true, "::1": true,
		"equipe.example.org": false, "192.0.2.10": false, "2001:db8::1": false, "localhost.example.org": false,
	} {
		if got := OnMachine(host); got != want {
			t.Errorf("OnMachine(%q) = %v, want %v", host, got, want)
		}
	}
}
