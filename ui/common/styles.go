package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every colour and style smtui uses, by meaning rather than look.
// It is built for the terminal's background (light or dark); Bubble Tea's
// renderer downsamples colours to what the terminal supports and drops them
// entirely when NO_COLOR is set, so no style needs a colour-free twin.
type Styles struct {
	IsDark bool

	App       lipgloss.Style
	Header    lipgloss.Style // the top bar: app name, profile, region
	HeaderKey lipgloss.Style // a label inside the header
	Title     lipgloss.Style // a screen's title
	Section   lipgloss.Style // a section heading inside a screen
	Muted     lipgloss.Style // secondary text: dates, counts, hints
	Label     lipgloss.Style // the left column of a key/value layout
	Text      lipgloss.Style

	Selected    lipgloss.Style // the row under the cursor
	Match       lipgloss.Style // characters that matched a filter
	ColumnTitle lipgloss.Style

	StageCurrent  lipgloss.Style // AWSCURRENT
	StagePrevious lipgloss.Style // AWSPREVIOUS
	StagePending  lipgloss.Style // AWSPENDING
	StageCustom   lipgloss.Style // any other staging label
	Deprecated    lipgloss.Style // a version with no labels

	Masked    lipgloss.Style // the mask shown instead of a value
	Revealed  lipgloss.Style // a value the operator chose to see
	TypeBadge lipgloss.Style // string / number / bool / null / object / array

	Added   lipgloss.Style
	Removed lipgloss.Style
	Changed lipgloss.Style

	Info    lipgloss.Style
	Success lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style

	StatusBar lipgloss.Style
	ErrorBox  lipgloss.Style // a blocking error, bordered
	Pane      lipgloss.Style // a bordered dialog or confirmation pane
	Danger    lipgloss.Style // destructive actions
	Banner    lipgloss.Style // the production-guard banner
	Input     lipgloss.Style // a text input's frame

	Help help.Styles

	// Lines are some of the styles above, drawn faster (one line each):
	// set by NewStyles.
	Lines LineStyles

	rows *rowStyles // the row paints, set by NewStyles
}

// NewStyles builds the styles for a light or dark background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg      = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6EDF3"))
		muted   = ld(lipgloss.Color("#6E7781"), lipgloss.Color("#8B949E"))
		accent  = ld(lipgloss.Color("#0550AE"), lipgloss.Color("#79C0FF"))
		green   = ld(lipgloss.Color("#116329"), lipgloss.Color("#56D364"))
		yellow  = ld(lipgloss.Color("#7D4E00"), lipgloss.Color("#E3B341"))
		red     = ld(lipgloss.Color("#A40E26"), lipgloss.Color("#FF7B72"))
		purple  = ld(lipgloss.Color("#6639BA"), lipgloss.Color("#D2A8FF"))
		selBg   = ld(lipgloss.Color("#DDF4FF"), lipgloss.Color("#1F3A5F"))
		barBg   = ld(lipgloss.Color("#EAEEF2"), lipgloss.Color("#161B22"))
		border  = ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#30363D"))
		matchFg = ld(lipgloss.Color("#953800"), lipgloss.Color("#FFA657"))
	)
	s := &Styles{IsDark: isDark}
	s.App = lipgloss.NewStyle()
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(fg).Background(barBg).Padding(0, 1)
	s.HeaderKey = lipgloss.NewStyle().Foreground(muted).Background(barBg)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Text = lipgloss.NewStyle().Foreground(fg)

	s.Selected = lipgloss.NewStyle().Background(selBg).Bold(true)
	s.Match = lipgloss.NewStyle().Foreground(matchFg).Underline(true)
	s.ColumnTitle = lipgloss.NewStyle().Bold(true).Foreground(muted)

	s.StageCurrent = lipgloss.NewStyle().Bold(true).Foreground(green)
	s.StagePrevious = lipgloss.NewStyle().Foreground(accent)
	s.StagePending = lipgloss.NewStyle().Bold(true).Foreground(yellow)
	s.StageCustom = lipgloss.NewStyle().Foreground(purple)
	s.Deprecated = lipgloss.NewStyle().Foreground(muted).Italic(true)

	s.Masked = lipgloss.NewStyle().Foreground(muted)
	s.Revealed = lipgloss.NewStyle().Foreground(yellow)
	s.TypeBadge = lipgloss.NewStyle().Foreground(purple)

	s.Added = lipgloss.NewStyle().Foreground(green)
	s.Removed = lipgloss.NewStyle().Foreground(red)
	s.Changed = lipgloss.NewStyle().Foreground(yellow)

	s.Info = lipgloss.NewStyle().Foreground(accent)
	s.Success = lipgloss.NewStyle().Foreground(green)
	s.Warning = lipgloss.NewStyle().Foreground(yellow)
	s.Error = lipgloss.NewStyle().Foreground(red).Bold(true)

	s.StatusBar = lipgloss.NewStyle().Foreground(fg).Background(barBg).Padding(0, 1)
	s.ErrorBox = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(red).Padding(0, 1)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.Danger = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Banner = lipgloss.NewStyle().Bold(true).
		Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#FFFFFF"))).
		Background(ld(lipgloss.Color("#CF222E"), lipgloss.Color("#B62324"))).Padding(0, 1)
	s.Input = lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, true, false).BorderForeground(border)

	s.Help = help.DefaultStyles(isDark)
	s.rows = newRowStylePair(s)
	s.Lines = newLineStyles(s)
	return s
}
