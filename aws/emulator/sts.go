package emulator

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// STS speaks the AWS query protocol: a form-encoded POST
// (Action=GetCallerIdentity&Version=2011-06-15) answered in XML. The
// emulator serves GetCallerIdentity only, naming the caller by the access
// key the request was signed with (Options.Principals).

const stsXMLNS = "https://sts.amazonaws.com/doc/2011-06-15/"

// stsRoute answers requests signed for the "sts" service.
func (e *Emulator) stsRoute(r *http.Request) http.HandlerFunc {
	if r.Method != http.MethodPost || signedService(r) != "sts" {
		return nil
	}
	return e.serveSTS
}

// signedService is the service of a SigV4 credential scope
// (Credential=AKID/DATE/REGION/SERVICE/aws4_request), or "".
func signedService(r *http.Request) string {
	_, cred, ok := strings.Cut(r.Header.Get("Authorization"), "Credential=")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(cred, ", "); i >= 0 {
		cred = cred[:i]
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

type stsCallerIdentityResponse struct {
	XMLName xml.Name `xml:"GetCallerIdentityResponse"`
	XMLNS   string   `xml:"xmlns,attr"`
	Result  struct {
		Arn     string `xml:"Arn"`
		UserID  string `xml:"UserId"`
		Account string `xml:"Account"`
	} `xml:"GetCallerIdentityResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

type stsErrorResponse struct {
	XMLName xml.Name `xml:"ErrorResponse"`
	XMLNS   string   `xml:"xmlns,attr"`
	Error   struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	} `xml:"Error"`
	RequestID string `xml:"RequestId"`
}

func (e *Emulator) serveSTS(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	form, perr := url.ParseQuery(string(body))
	if err != nil || perr != nil {
		writeSTSError(w, "MalformedQueryString", "The request body could not be parsed as a query string.")
		return
	}
	if form.Get("Action") != "GetCallerIdentity" {
		writeSTSError(w, "InvalidAction", "The action "+form.Get("Action")+" is not valid for this web service.")
		return
	}
	e.mu.Lock()
	e.requests["sts:GetCallerIdentity"]++
	e.mu.Unlock()
	arn := e.principalOf(r)
	out := stsCallerIdentityResponse{XMLNS: stsXMLNS, RequestID: requestID()}
	out.Result.Arn = arn
	out.Result.Account = e.opts.Account
	out.Result.UserID = principalUserID(arn, accessKeyOf(r))
	writeXML(w, http.StatusOK, out)
}

// principalUserID is GetCallerIdentity's UserId: AWS gives a user's unique
// id (AIDA...) and, for an assumed role, the role's id and the session name.
func principalUserID(arn, akid string) string {
	if _, rest, ok := strings.Cut(arn, ":assumed-role/"); ok {
		_, session, _ := strings.Cut(rest, "/")
		return "AROAEMULATORROLE:" + session
	}
	if akid == "" {
		akid = "ONCALL"
	}
	return "AIDA" + strings.ToUpper(akid)
}

func writeSTSError(w http.ResponseWriter, code, msg string) {
	out := stsErrorResponse{XMLNS: stsXMLNS, RequestID: requestID()}
	out.Error.Type, out.Error.Code, out.Error.Message = "Sender", code, msg
	writeXML(w, http.StatusBadRequest, out)
}

func writeXML(w http.ResponseWriter, status int, v any) {
	b, err := xml.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte("<ErrorResponse><Error><Code>InternalFailure</Code></Error></ErrorResponse>")
	}
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(xml.Header)+len(b)))
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.WriteHeader(status)
	_, _ = io.WriteString(w, xml.Header)
	_, _ = w.Write(b)
}
