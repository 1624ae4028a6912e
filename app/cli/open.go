package cli

import (
	"context"

	"atelier/app/domain/course"
	"atelier/app/service"
)

// openCohort opens the database (creating the first cohort on a new file)
// and picks the cohort named name, or the one shown last, or the most
// recent (service.PickCohort). close closes the database.
func openCohort(env Env, dbPath, name string, a access) (svc *service.Service, c course.Cohort, err error) {
	svc, err = open(env, dbPath, a)
	if err != nil {
		return nil, c, err
	}
	if c, err = svc.PickCohort(context.Background(), name); err != nil {
		svc.Store().Close()
		return nil, c, err
	}
	return svc, c, nil
}

// openSession is openCohort followed by finding session number n.
func openSession(env Env, dbPath, name string, n int, a access) (*service.Service, course.Cohort, course.Session, error) {
	svc, c, err := openCohort(env, dbPath, name, a)
	if err != nil {
		return nil, c, course.Session{}, err
	}
	s, err := service.Session(c, n)
	if err != nil {
		svc.Store().Close()
		return nil, c, s, err
	}
	return svc, c, s, nil
}
