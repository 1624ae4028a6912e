package store

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// Change is what was committed to the database since the last Change,
// by this Atelier or another one (another window on the same file, a
// colleague on the team database).
type Change struct {
	// Tables are the tables changed, sorted; empty with All.
	Tables []string
	// All means anything may have changed: SQLite cannot say which
	// table, and notifications sent while a team database was out of
	// reach are lost.
	All bool
	// Offline is a team database that stopped answering; the next
	// Change after it (All) is the database answering again.
	Offline bool
}

// Touches reports whether the change may concern one of tables.
func (c Change) Touches(tables ...string) bool {
	if c.All {
		return true
	}
	for _, t := range tables {
		if slices.Contains(c.Tables, t) {
			return true
		}
	}
	return false
}

// merge folds c2, which happened after c, into c.
func (c Change) merge(c2 Change) Change {
	out := Change{All: c.All || c2.All, Offline: c2.Offline}
	if !out.All {
		out.Tables = slices.Clone(c.Tables)
		for _, t := range c2.Tables {
			if !slices.Contains(out.Tables, t) {
				out.Tables = append(out.Tables, t)
			}
		}
		slices.Sort(out.Tables)
	}
	return out
}

// watchEvery is how often a file is asked whether someone committed: a
// change made in another window shows within about this much.
const watchEvery = 100 * time.Millisecond

// Watch reports the changes committed to the database until ctx ends or
// the Store is closed. A reader that is slow to take them finds them
// merged into one Change: a screen reloads once for a burst of marks.
//
// On a file, PRAGMA data_version on a connection of its own changes with
// every commit of any other connection, in this process or another; on a
// team database, a connection of its own LISTENs to what the tables'
// triggers NOTIFY (migrations_pg/007_baseline.sql), and says when the
// server stops answering and when it is back.
func (s *Store) Watch(ctx context.Context) <-chan Change {
	in := make(chan Change)
	out := make(chan Change)
	ctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.watchers = append(s.watchers, cancel)
	s.mu.Unlock()
	if s.team {
		go s.listen(ctx, in)
	} else {
		go s.pollVersion(ctx, in)
	}
	go coalesce(ctx, in, out)
	return out
}

// coalesce hands the changes from in to out, merging those that arrive
// while nobody takes them.
func coalesce(ctx context.Context, in <-chan Change, out chan<- Change) {
	defer close(out)
	var pending Change
	has := false
	for {
		var send chan<- Change
		if has {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case c := <-in:
			if has {
				pending = pending.merge(c)
			} else {
				pending, has = c, true
			}
		case send <- pending:
			pending, has = Change{}, false
		}
	}
}

// pollVersion watches a file's data_version on one connection kept for
// it: the value is per connection, and changes when another commits.
func (s *Store) pollVersion(ctx context.Context, in chan<- Change) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	last := int64(-1)
	tick := time.NewTicker(watchEvery)
	defer tick.Stop()
	for {
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err == nil {
			if last >= 0 && v != last {
				select {
				case in <- Change{All: true}:
				case <-ctx.Done():
					return
				}
			}
			last = v
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// listen keeps a connection of its own in LISTEN atelier, reconnecting
// after a loss with a growing pause, and passes each notification on.
func (s *Store) listen(ctx context.Context, in chan<- Change) {
	send := func(c Change) bool {
		select {
		case in <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	pause := 250 * time.Millisecond
	lost := false
	for ctx.Err() == nil {
		conn, err := s.listenConn(ctx)
		if err == nil {
			if lost && !send(Change{All: true}) {
				conn.Close(context.Background())
				return
			}
			lost, pause = false, 250*time.Millisecond
			relay(ctx, conn, send)
			conn.Close(context.Background())
		}
		if ctx.Err() != nil {
			return
		}
		if !lost {
			lost = true
			if !send(Change{Offline: true}) {
				return
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, 2*time.Second)
	}
}

// listenConn connects to the team database and listens.
func (s *Store) listenConn(ctx context.Context) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(s.dsn)
	if err != nil {
		return nil, err
	}
	cfg.RuntimeParams["application_name"] = s.appName
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN atelier"); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}

// relay passes notifications on until the connection fails or ctx ends;
// listen tells the two apart.
func relay(ctx context.Context, conn *pgx.Conn, send func(Change) bool) {
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil || !send(Change{Tables: []string{n.Payload}}) {
			return
		}
	}
}
