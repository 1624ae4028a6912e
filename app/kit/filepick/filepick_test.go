package filepick

import (
	"runtime"
	"testing"
)

func TestPathFromURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths are written with slashes here")
	}
	tests := []struct {
		uri, want string
		ok        bool
	}{
		{"file:///home/camille/export.csv", "/home/camille/export.csv", true},
		{"file:///home/camille/Mes%20documents/r%C3%A9sum%C3%A9%20%23%C3%A9t%C3%A9.pdf", "/home/camille/Mes documents/résumé #été.pdf", true},
		{"file://localhost/tmp/a%3Fb.csv", "/tmp/a?b.csv", true},
		{"file://serveur/partage/a.csv", "", false},
		{"sftp:///tmp/a.csv", "", false},
		{"file://", "", false},
		{"%zz", "", false},
	}
	for _, tt := range tests {
		got, err := PathFromURI(tt.uri)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("PathFromURI(%q) = %q, %v; want %q (ok %v)", tt.uri, got, err, tt.want, tt.ok)
		}
	}
}

func TestPatternsInBothCases(t *testing.T) {
	got := patterns([]string{".csv", "pdf"})
	want := []string{"*.csv", "*.CSV", "*.pdf", "*.PDF"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestUnavailable(t *testing.T) {
	var p Picker = Unavailable{}
	if _, err := p.Open(t.Context(), Request{}); err != ErrUnavailable {
		t.Errorf("Open: %v", err)
	}
	if _, err := p.Save(t.Context(), Request{}); err != ErrUnavailable {
		t.Errorf("Save: %v", err)
	}
}
