package workshop

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// MaxBody is the largest request body the server reads, in bytes.
const MaxBody = 4 << 10

// cookieName is the name of the participant's token cookie.
const cookieName = "pm_workshop"

// DefaultPort is the port the room server listens on unless told otherwise.
const DefaultPort = 8090

//go:embed web
var web embed.FS

// page is the room's single page.
var page = template.Must(template.ParseFS(web, "web/room.html"))

// Server is the room's web server, listening while a workshop runs.
type Server struct {
	w       *Workshop
	srv     *http.Server
	ln      net.Listener
	joins   *limiter
	calls   *limiter
	stopped chan struct{}
}

// Listen starts serving w on addr (host:port; port 0 picks a free one).
func Listen(w *Workshop, addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("starting the workshop's server on %s: %w", addr, err)
	}
	s := &Server{w: w, ln: ln, stopped: make(chan struct{}),
		joins: newLimiter(w.opts.JoinLimit.orDefault(DefaultJoinLimit)),
		calls: newLimiter(w.opts.RequestLimit.orDefault(DefaultRequestLimit))}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 8 << 10}
	go func() {
		defer close(s.stopped)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// JoinURL returns the URL partners open: it holds the workshop's secret.
func (s *Server) JoinURL() string {
	return "http://" + s.ln.Addr().String() + "/w/" + s.w.secret + "/"
}

// Addr returns the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// End ends the workshop, keeps answering for its grace period so that
// phones can show that it has ended, then stops the server.
func (s *Server) End(ctx context.Context) error {
	s.w.End()
	select {
	case <-time.After(s.w.opts.GracePeriod):
	case <-ctx.Done():
	}
	return s.Close(ctx)
}

// Close stops the server at once, waiting for requests in flight.
func (s *Server) Close(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	<-s.stopped
	return err
}

// DefaultAddr returns the machine's first private (LAN) IPv4 address with
// DefaultPort, the address a room's phones can reach.
func DefaultAddr() (string, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return "", err
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && ipn.IP.IsPrivate() {
				return net.JoinHostPort(ipn.IP.String(), strconv.Itoa(DefaultPort)), nil
			}
		}
	}
	return "", errors.New("this machine has no private network (LAN) address: connect to the room's Wi-Fi, or give an address with --addr")
}

// ServeHTTP routes the room's requests: everything lives under
// /w/SECRET/; any other path is 404.
func (s *Server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	h := rw.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	secret, rest, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/w/"), "/")
	if !ok || !strings.HasPrefix(r.URL.Path, "/w/") {
		http.NotFound(rw, r)
		return
	}
	if r.Method == http.MethodPost && rest == "api/join" {
		s.join(rw, r, secret)
		return
	}
	if !s.w.checkSecret(secret) {
		http.NotFound(rw, r)
		return
	}
	switch r.Method + " " + rest {
	case "GET ":
		s.page(rw)
	case "GET room.js", "GET room.css":
		s.asset(rw, rest)
	case "GET api/state":
		s.state(rw, r)
	case "POST api/vote":
		s.vote(rw, r)
	default:
		http.NotFound(rw, r)
	}
}

// page serves the room's page with the partnership's agencies to join as.
func (s *Server) page(rw http.ResponseWriter) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	data := struct {
		Partnership    string
		Agencies       []assessment.Agency
		AllowAnonymous bool
	}{s.w.partnership.Name, s.w.partnership.Agencies, s.w.opts.AllowAnonymous}
	_ = page.Execute(rw, data)
}

// asset serves an embedded script or style sheet.
func (s *Server) asset(rw http.ResponseWriter, name string) {
	data, err := web.ReadFile("web/" + name)
	if err != nil {
		http.NotFound(rw, nil)
		return
	}
	if strings.HasSuffix(name, ".js") {
		rw.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	} else {
		rw.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	_, _ = rw.Write(data)
}

// apiError writes a JSON error with status.
func apiError(rw http.ResponseWriter, status int, msg string) {
	rw.Header().Set("Content-Type", "application/json")
	rw.WriteHeader(status)
	_ = json.NewEncoder(rw).Encode(map[string]string{"error": msg})
}

// decode reads a JSON body of at most MaxBody bytes into v, refusing
// unknown fields; it writes the refusal and returns false on failure.
func decode(rw http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(rw, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		err = dec.Decode(&struct{}{})
		if errors.Is(err, io.EOF) {
			return true
		}
		err = errors.New("more than one JSON value")
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		apiError(rw, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is over %d bytes", MaxBody))
		return false
	}
	apiError(rw, http.StatusBadRequest, "the request is not the JSON this server expects")
	return false
}

// clientKey is the address a request came from, without its port.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// joinRequest is the body of POST api/join.
type joinRequest struct {
	PIN    string `json:"pin"`
	Name   string `json:"name"`
	Agency string `json:"agency"`
}

// join checks the secret and PIN together, so that a refusal never says
// which was wrong, and sets the participant's cookie.
func (s *Server) join(rw http.ResponseWriter, r *http.Request, secret string) {
	if !s.joins.allow(clientKey(r)) {
		apiError(rw, http.StatusTooManyRequests, "too many attempts to join: wait a few seconds and try again")
		return
	}
	var req joinRequest
	if !decode(rw, r, &req) {
		return
	}
	if !s.w.checkSecret(secret) {
		apiError(rw, http.StatusForbidden, ErrWrongPIN.Error())
		return
	}
	token, err := s.w.Join(r.Context(), req.PIN, req.Name, req.Agency)
	if err != nil {
		s.refuse(rw, err)
		return
	}
	http.SetCookie(rw, &http.Cookie{Name: cookieName, Value: token, Path: "/w/" + secret + "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 12 * 60 * 60})
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(map[string]string{"status": "joined"})
}

// token returns the request's participant token, or "".
func token(r *http.Request) string {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// participant checks the request's token and its rate; it writes the
// refusal and returns false when either fails.
func (s *Server) participant(rw http.ResponseWriter, r *http.Request) (string, bool) {
	t := token(r)
	if _, ok := s.w.participantOf(t); !ok {
		apiError(rw, http.StatusUnauthorized, "join the workshop first")
		return "", false
	}
	if !s.calls.allow(t) {
		apiError(rw, http.StatusTooManyRequests, "too many requests: wait a moment")
		return "", false
	}
	return t, true
}

// state serves what the participant's phone shows.
func (s *Server) state(rw http.ResponseWriter, r *http.Request) {
	t, ok := s.participant(rw, r)
	if !ok {
		return
	}
	st, _ := s.w.RoomStateFor(t)
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(st)
}

// voteRequest is the body of POST api/vote; a null level is "not sure".
type voteRequest struct {
	Question string `json:"question"`
	Level    *int   `json:"level"`
	Comment  string `json:"comment"`
}

// vote saves a participant's vote on the current question.
func (s *Server) vote(rw http.ResponseWriter, r *http.Request) {
	t, ok := s.participant(rw, r)
	if !ok {
		return
	}
	var req voteRequest
	if !decode(rw, r, &req) {
		return
	}
	level := assessment.NotAssessed
	if req.Level != nil {
		level = *req.Level
		if level == assessment.NotAssessed {
			apiError(rw, http.StatusBadRequest, "level must be on the scale, or null for not sure")
			return
		}
	}
	if err := s.w.Vote(r.Context(), t, req.Question, level, req.Comment); err != nil {
		s.refuse(rw, err)
		return
	}
	st, _ := s.w.RoomStateFor(t)
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(st)
}

// refuse writes the HTTP refusal for an error from the workshop.
func (s *Server) refuse(rw http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrWrongPIN):
		apiError(rw, http.StatusForbidden, ErrWrongPIN.Error())
	case errors.Is(err, ErrNotCurrent), errors.Is(err, ErrRevealed), errors.Is(err, ErrEnded):
		apiError(rw, http.StatusConflict, err.Error())
	case errors.Is(err, ErrLevel), errors.Is(err, assessment.ErrText), errors.Is(err, ErrNoName), errors.Is(err, ErrNoAgency):
		apiError(rw, http.StatusBadRequest, err.Error())
	case errors.Is(err, ErrFull):
		apiError(rw, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, ErrUnknownParticipant):
		apiError(rw, http.StatusUnauthorized, "join the workshop first")
	default:
		apiError(rw, http.StatusInternalServerError, "the laptop could not save that: tell the facilitator")
	}
}
