package localefix

import (
	"os"
	"testing"
)

func TestFix(t *testing.T) {
	tests := []struct {
		name                      string
		lcAll, lang, language     string
		wantLCAll, wantLang, want string
	}{
		{"C", "", "C", "", "", "C.UTF-8", "fr"},
		{"nothing set", "", "", "", "", "C.UTF-8", "fr"},
		{"C.UTF-8", "", "C.UTF-8", "", "", "C.UTF-8", "fr"},
		{"LC_ALL POSIX wins", "POSIX", "en_US.UTF-8", "", "C.UTF-8", "en_US.UTF-8", "fr"},
		{"a real locale is left alone", "", "en_US.UTF-8", "", "", "en_US.UTF-8", ""},
		{"LANGUAGE kept", "", "C", "de", "", "C.UTF-8", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", tt.lcAll)
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			t.Setenv("LANGUAGE", tt.language)
			Fix()
			if got := os.Getenv("LC_ALL"); got != tt.wantLCAll {
				t.Errorf("LC_ALL = %q, want %q", got, tt.wantLCAll)
			}
			if got := os.Getenv("LANG"); got != tt.wantLang {
				t.Errorf("LANG = %q, want %q", got, tt.wantLang)
			}
			if got := os.Getenv("LANGUAGE"); got != tt.want {
				t.Errorf("LANGUAGE = %q, want %q", got, tt.want)
			}
		})
	}
}
