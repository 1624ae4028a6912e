package store

import (
	"context"
	"testing"
)

func TestSettings(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if v, err := s.Setting(ctx, "langue"); err != nil || v != "" {
			t.Fatalf("absent setting = %q, %v; want empty", v, err)
		}
		// Each value replaces the one before (the upsert).
		for _, v := range []string{"fr", "en", "« ça »"} {
			if err := s.SetSetting(ctx, "langue", v); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Setting(ctx, "langue"); err != nil || got != v {
				t.Errorf("Setting = %q, %v; want %q", got, err, v)
			}
		}
		for _, key := range []string{"", " "} {
			if err := s.SetSetting(ctx, key, "x"); err == nil {
				t.Errorf("key %q accepted", key)
			} else {
				noDriverText(t, err.Error())
			}
		}
	})
}
