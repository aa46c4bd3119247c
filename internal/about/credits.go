package about

// Source names where the questions come from, word for word.
const Source = "The questions are quoted word for word from the Child Safeguarding Practice Review Panel's " +
	"Annual Report 2022/23 (2024). The maturity scale and the \"what this looks like\" guidance are the app's own."

// Licence says under which licences the app's contents are used.
const Licence = "Contains public sector information licensed under the Open Government Licence v3.0 " +
	"(nationalarchives.gov.uk/doc/open-government-licence/version/3/). " +
	"The Noto Sans fonts are under the SIL Open Font Licence 1.1."

// VersionText is what --version prints: the name, the version and, on
// the following lines, the source of the questions and the licences.
func VersionText() string {
	return Name + " " + FullVersion() + "\n" + Source + "\n" + Licence
}
