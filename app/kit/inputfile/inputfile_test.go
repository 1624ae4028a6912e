package inputfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "inscriptions.csv")
	if err := os.WriteFile(small, []byte("Nom\nAwa\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "gros.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil { // sparse: takes no room
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path, says string
	}{
		{"regular file", small, ""},
		{"directory", dir, "n’est pas un fichier ordinaire (c’est un dossier)"},
		{"too big", big, "«\u00a0gros.csv\u00a0» est trop volumineux pour être importé (plus de 1\u00a0Mo)"},
		{"missing", filepath.Join(dir, "absent.csv"), "«\u00a0absent.csv\u00a0» est introuvable"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct{ name, path, says string }{"device", "/dev/zero", "(c’est un périphérique)"})
	}
	for _, tt := range tests {
		data, err := ReadAll(tt.path, 1<<20)
		if tt.says == "" {
			if err != nil || string(data) != "Nom\nAwa\n" {
				t.Errorf("%s: %q, %v", tt.name, data, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.says)
		}
	}
}

func TestReadLimited(t *testing.T) {
	if data, err := ReadLimited(strings.NewReader("abc"), 3); err != nil || string(data) != "abc" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if _, err := ReadLimited(bytes.NewReader(make([]byte, 2048)), 1024); err == nil || !strings.Contains(err.Error(), "plus de 1\u00a0ko") {
		t.Errorf("past the limit: %v", err)
	}
}
