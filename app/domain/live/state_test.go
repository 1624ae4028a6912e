package live

import (
	"errors"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/agenda"
)

// utcView makes views comparable with == after a JSON round trip, which
// keeps instants but not their *time.Location.
func utcView(v View) View {
	v.PlannedEnd, v.ProjectedEnd, v.ScheduledEnd = v.PlannedEnd.UTC(), v.ProjectedEnd.UTC(), v.ScheduledEnd.UTC()
	return v
}

func TestRestartRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		steps  []step
		saveAt time.Duration
		after  []time.Duration // checks, from the save on
	}{
		{"running mid-block", []step{{M(1), "start"}, {M(12), "next"}, {M(20), "+5"}}, M(25), []time.Duration{M(25), M(27), M(40)}},
		{"paused", []step{{0, "start"}, {M(12), "next"}, {M(20), "pause"}}, M(25), []time.Duration{M(25), M(30)}},
		{"not started", nil, -M(5), []time.Duration{-M(5), M(3)}},
		{"finished", []step{{0, "start"}, {M(10), "next"}, {M(30), "next"}, {M(40), "next"}, {M(70), "next"}, {M(88), "next"}}, M(95), []time.Duration{M(95)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(plan, sessionStart)
			r.SetSession(42)
			for _, s := range tt.steps {
				apply(r, s)
			}
			data, err := MarshalState(r.State())
			if err != nil {
				t.Fatal(err)
			}
			back, err := Resume(data, plan)
			if err != nil {
				t.Fatalf("%v in %s", err, data)
			}
			if back.State().SessionID != 42 {
				t.Errorf("session id lost: %s", data)
			}
			for _, at := range tt.after {
				now := sessionStart.Add(at)
				if a, b := utcView(r.View(now)), utcView(back.View(now)); a != b {
					t.Errorf("at %v:\nbefore %+v\nafter  %+v", at, a, b)
				}
			}
			// Both keep going the same way.
			now := sessionStart.Add(tt.after[len(tt.after)-1] + M(1))
			r.Next(now)
			back.Next(now)
			if a, b := utcView(r.View(now.Add(M(2)))), utcView(back.View(now.Add(M(2)))); a != b {
				t.Errorf("after next:\nbefore %+v\nafter  %+v", a, b)
			}
		})
	}
}

func TestUnmarshalStateGarbage(t *testing.T) {
	tests := []struct {
		data string
		want string // part of the error; "" for none
	}{
		{"", "illisible"},
		{"{", "illisible"},
		{"nul", "illisible"},
		{"[]", "illisible"},
		{`{"block":"deux"}`, "illisible"},
		{`{"elapsed":"beaucoup"}`, "illisible"},
		{`{"session_start":"hier"}`, "illisible"},
		{`{"extra_minutes":[1.5]}`, "illisible"},
		{"\x00\xff\xfe", "illisible"},
		{`{"v":1} trailing`, "illisible"},
		{`{"v":2}`, "version plus récente"},
		{"null", ""},
		{`{}`, ""},
		{`{"v":1,"running":true}`, ""},
	}
	for _, tt := range tests {
		_, err := UnmarshalState(tt.data)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: unexpected %v", tt.data, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: got %v, want %q", tt.data, err, tt.want)
		}
	}
	if _, err := UnmarshalState("{"); errors.Unwrap(err) == nil {
		t.Error("the technical cause is not kept for the log")
	}
}

func TestRestoreClamps(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		index   int
		minutes int
		elapsed time.Duration
		running bool
	}{
		{"block past the end", `{"block":42,"elapsed":[1,2,3,4,5,6,7,8]}`, 4, 20, 5, false},
		{"negative block", `{"block":-3}`, 0, 10, 0, false},
		{"minutes taken below one", `{"extra_minutes":[-500]}`, 0, 1, 0, false},
		{"absurd extra", `{"extra_minutes":[99999999999]}`, 0, 10 + maxExtra, 0, false},
		{"negative elapsed", `{"elapsed":[-60000000000]}`, 0, 10, 0, false},
		{"running without a start", `{"running":true}`, 0, 10, 0, false},
		{"short lists", `{"block":3,"elapsed":[1],"extra_minutes":[]}`, 3, 30, 0, false},
	}
	now := sessionStart.Add(M(5))
	for _, tt := range tests {
		r, err := Resume(tt.data, plan)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		v := r.View(now)
		if v.Index != tt.index || v.Minutes != tt.minutes || v.Elapsed != tt.elapsed || v.Running != tt.running {
			t.Errorf("%s: %+v", tt.name, v)
		}
	}
}

func TestSetBlocksMidSession(t *testing.T) {
	r := New(plan, sessionStart)
	r.Start(sessionStart)
	for _, at := range []float64{10, 30, 40} {
		r.Next(sessionStart.Add(M(at)))
	}
	r.SetBlocks(plan[:2]) // the agenda lost its last three blocks
	v := r.View(sessionStart.Add(M(45)))
	if v.Index != 1 || v.HasNext || v.Count != 2 {
		t.Errorf("after a shorter agenda: %+v", v)
	}
}

func FuzzResume(f *testing.F) {
	r := New(plan, sessionStart)
	r.Start(sessionStart.Add(M(2)))
	r.Next(sessionStart.Add(M(9)))
	r.AddMinutes(5, sessionStart.Add(M(9)))
	good, _ := MarshalState(r.State())
	for _, s := range []string{good, "", "{}", `{"block":9e99}`, `{"elapsed":[9223372036854775807],"running":true,"since":"0001-01-01T00:00:01Z"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, blocks := range [][]agenda.Block{plan, nil, plan[:1]} {
			r, err := Resume(data, blocks)
			if err != nil {
				if !strings.Contains(err.Error(), "séance en direct") {
					t.Fatalf("error not in French: %v", err)
				}
				return
			}
			now := sessionStart.Add(M(30))
			v := r.View(now)
			_ = FormatCountdown(v.Remaining)
			_ = DriftText(v.Drift)
			r.Start(now)
			r.Next(now)
			r.AddMinutes(1, now)
			r.Prev(now)
			r.Pause(now)
			if _, err := MarshalState(r.State()); err != nil && !strings.Contains(err.Error(), "séance en direct") {
				t.Fatalf("marshal error not in French: %v", err)
			}
		}
	})
}

func TestDriverKeptInTheState(t *testing.T) {
	r := New(plan, sessionStart)
	r.SetDriver("camille@portable#812", "Camille Roy")
	data, err := MarshalState(r.State())
	if err != nil {
		t.Fatal(err)
	}
	back, err := Resume(data, plan)
	if err != nil {
		t.Fatal(err)
	}
	if id, name := back.Driver(); id != "camille@portable#812" || name != "Camille Roy" {
		t.Errorf("Driver after a round trip: %q, %q", id, name)
	}
	// A state saved before there were drivers reads as nobody's.
	old, err := Resume(`{"v":1,"session_id":3,"block":0,"elapsed":[],"extra_minutes":[]}`, plan)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := old.Driver(); id != "" {
		t.Errorf("an old state has driver %q", id)
	}
}
