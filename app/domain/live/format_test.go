package live

import (
	"testing"
	"time"
)

func TestFormatCountdown(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{12*time.Minute + 5*time.Second, "12:05"},
		{12*time.Minute + 4200*time.Millisecond, "12:05"}, // rounds up
		{M(90), "1:30:00"},
		{time.Hour + 2*time.Minute + 5*time.Second, "1:02:05"},
		{500 * time.Millisecond, "00:01"},
		{0, "00:00"},
		{-500 * time.Millisecond, "00:00"},
		{-time.Second, "−00:01"},
		{-90 * time.Second, "−01:30"},
		{-(time.Hour + 2*time.Minute + 5*time.Second), "−1:02:05"},
	}
	for _, tt := range tests {
		if got := FormatCountdown(tt.d); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDriftText(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "à l’heure"},
		{29 * time.Second, "à l’heure"},
		{-29 * time.Second, "à l’heure"},
		{31 * time.Second, "1\u00a0min de retard"},
		{M(3), "3\u00a0min de retard"},
		{-M(2), "2\u00a0min d’avance"},
		{-M(65), "1\u00a0h\u00a005 d’avance"},
	}
	for _, tt := range tests {
		if got := DriftText(tt.d); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.d, got, tt.want)
		}
	}
}
