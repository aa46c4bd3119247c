package demo

import "github.com/partnership-maturity/maturity/internal/assessment"

// placeFirsts and placeEnds are joined into invented area names such as
// "Tarncombe": English in sound, no real council's name.
var (
	placeFirsts = []string{"Amber", "Cinder", "Dunn", "Elder", "Fallow", "Glim", "Hazel", "Ivy", "Kester",
		"Lark", "Marl", "Nether", "Orm", "Pell", "Quill", "Rook", "Sorrel", "Tarn", "Umber", "Wrens",
		"Yarrow", "Thistle", "Cobble", "Hollin", "Stave", "Wold", "Fen", "Moss"}
	placeEnds = []string{"mere", "combe", "holt", "wick", "dale", "ley", "stow", "thorpe", "shaw", "worth"}
)

// realCouncils are real councils' and places' names (in lower case) that
// the joined parts could make, and the demo's own Northshire; areaNames
// leaves them out, so that no invented area is mistaken for a real one.
var realCouncils = map[string]bool{
	"amberley": true, "hazelmere": true, "staveley": true, "mossley": true, "netherley": true,
	"rookley": true, "fenwick": true, "fenstow": true, "netherthorpe": true, "mossdale": true,
	"elderley": true, "hollinshaw": true, "woldley": true, "northshire": true,
}

// statutoryRoles are the people of the three statutory partners, in the
// order invent relies on: the business manager (who facilitates) and the
// director of children's services first, the chief nurse fifth and the head
// of public protection eighth (these three sign off).
var statutoryRoles = []struct {
	kind        assessment.AgencyKind
	title, role string
}{
	{assessment.LocalAuthority, "", "Partnership Business Manager"},
	{assessment.LocalAuthority, "", "Director of Children’s Services"},
	{assessment.LocalAuthority, "", "Head of Early Help"},
	{assessment.LocalAuthority, "", "Principal Social Worker"},
	{assessment.IntegratedCareBoard, "", "Chief Nurse"},
	{assessment.IntegratedCareBoard, "", "Designated Nurse for Safeguarding Children"},
	{assessment.IntegratedCareBoard, "Dr ", "Designated Doctor for Safeguarding"},
	{assessment.Police, "Det. Supt. ", "Head of Public Protection"},
	{assessment.Police, "DCI ", "Safeguarding Lead"},
}

// relevantAgencies are the relevant agencies a partnership may name (%s is
// the area), with the role of the person who represents each.
var relevantAgencies = []struct{ name, role string }{
	{"%s Schools Forum", "Headteacher and Schools Forum Chair"},
	{"Probation Service, %s", "Head of Service"},
	{"%s Council for Voluntary Service", "Chief Executive"},
	{"%s Youth Justice Service", "Youth Justice Manager"},
	{"%s Further Education College", "Designated Safeguarding Lead"},
	{"%s Community Health NHS Trust", "Named Nurse for Safeguarding"},
	{"%s Early Years Network", "Early Years Lead"},
	{"%s Housing Partnership", "Head of Housing Needs"},
}

// givenNames and familyNames make the people's names; some test letters
// beyond ASCII.
var (
	givenNames = []string{"Aisha", "Ben", "Catrin", "Dev", "Eilidh", "Femi", "Grace", "Hamza", "Ines", "Jack",
		"Kirsty", "Luca", "Maryam", "Niamh", "Olu", "Pádraig", "Rosa", "Sanjay", "Tanya", "Usman",
		"Valérie", "Wei", "Yusuf", "Zofia", "Chloé", "Rhys", "Amira", "Declan", "Joanna", "Kwame"}
	familyNames = []string{"Ahmed", "Baker", "Chowdhury", "Davies", "Edwards", "Fraser", "Gallagher", "Hughes",
		"Iqbal", "Jones", "Kowalski", "Lewis", "Mensah", "Nowak", "O’Brien", "Patel", "Quinn", "Robinson",
		"Singh", "Thompson", "Uddin", "Vaughan", "Walsh", "Xu", "Young", "Zielińska", "Bailey", "Khan",
		"Murphy", "Shah"}
)

// nationalDocs are the evidence documents an invented partnership cites,
// by theme; %s in the location is the area in lower case.
var nationalDocs = map[string][]doc{
	"culture":       {{"Partner culture survey", "https://%sscp.example.org/surveys/culture"}, {"Escalation log", "https://%sscp.example.org/escalation"}},
	"intent":        {{"Business plan and budget", "https://%sscp.example.org/plans/business-plan"}, {"Needs assessment", "https://%sscp.example.org/jsna"}},
	"delivery":      {{"Practitioner forum themes", "https://%sscp.example.org/forums"}, {"Joint dataset", "https://%sscp.example.org/data"}},
	"effectiveness": {{"Independent scrutineer’s report", "https://%sscp.example.org/scrutiny"}, {"Outcomes framework", "https://%sscp.example.org/outcomes"}},
	"upstream":      {{"Threshold document", "https://%sscp.example.org/thresholds"}, {"Early help strategy", "https://%sscp.example.org/early-help"}},
	"workforce":     {{"Training evaluation", "https://%sscp.example.org/training"}, {"Workforce strategy", "https://%sscp.example.org/workforce"}},
	"":              {{"Partnership yearly report", "https://%sscp.example.org/yearly-report"}},
}

// evidenceText is a sentence of evidence with a range for each number in
// it.
type evidenceText struct {
	text   string
	ranges [][2]int
}

// themeWords are what invented workshops write under one theme: evidence
// sentences to draw from, and strengths and areas for development for a
// theme at level 2 or below, 3, and 4 or above.
type themeWords struct {
	evidence         []evidenceText
	strengths, areas [3]string
}

// nationalWords are the invented workshops' words, by theme; "" is for
// themes of other question sets.
var nationalWords = map[string]themeWords{
	"culture": {
		evidence: []evidenceText{
			{"Partner survey (n = %d): %d%% of managers feel able to challenge another agency’s decision. %d escalations logged in the year, %d resolved at the first stage.", [][2]int{{120, 600}, {40, 85}, {5, 40}, {3, 30}}},
			{"Chairing of the executive rotates between the three statutory partners. %d learning events held, each with a case reviewed without blame.", [][2]int{{2, 8}}},
		},
		strengths: [3]string{"Good relationships between the statutory leads.", "Challenge between agencies is logged and mostly resolved early.", "Challenge is routine and welcomed; joint work is celebrated."},
		areas:     [3]string{"Challenge depends on individuals; the escalation policy is rarely used.", "Voluntary sector and schools do not yet feel heard.", "Faith and community groups are not yet represented."},
	},
	"intent": {
		evidence: []evidenceText{
			{"Business plan agreed with %d priorities; %d relevant agencies consulted on them.", [][2]int{{2, 5}, {1, 6}}},
			{"Each statutory partner leads one priority and reports its impact at %d of %d executive meetings.", [][2]int{{2, 4}, {4, 6}}},
		},
		strengths: [3]string{"Priorities come from the needs assessment.", "Leadership of the priorities is shared between the partners.", "Clear, published intent; impact is discussed at every meeting."},
		areas:     [3]string{"Funding is unequal and the plan reads as one agency’s plan.", "Accountability below the executive is unclear.", "Challenge to the statutory partners from relevant agencies is light."},
	},
	"delivery": {
		evidence: []evidenceText{
			{"Practitioner forums held %d times (average attendance %d); their themes reported to the executive.", [][2]int{{1, 6}, {20, 90}}},
			{"Joint dataset of %d measures reviewed each quarter; %d multi-agency audits completed in the year.", [][2]int{{6, 40}, {0, 6}}},
		},
		strengths: [3]string{"A written strategy exists.", "Frontline voice now informs strategy.", "A joint dataset is used to spot new threats."},
		areas:     [3]string{"No route from the front line back into strategy.", "Audits are still single-agency.", "Audit findings are not yet tested for changed practice."},
	},
	"effectiveness": {
		evidence: []evidenceText{
			{"The independent scrutineer made %d recommendations; %d are complete. Family feedback response rate %d%%.", [][2]int{{3, 12}, {0, 8}, {5, 50}}},
			{"Outcomes framework of %d impact measures; a young people’s advisory group of %d members consulted on %d decisions.", [][2]int{{0, 15}, {0, 20}, {0, 5}}},
		},
		strengths: [3]string{"Reviews are completed on time.", "Scrutiny is independent and its recommendations tracked.", "Learning is re-audited to check practice changed."},
		areas:     [3]string{"Evidence is descriptive rather than about impact.", "Impact measures still mostly count activity.", "Inspection and scrutiny are not brought into one view."},
	},
	"upstream": {
		evidence: []evidenceText{
			{"%d early help assessments started in the year, %d%% more than the year before.", [][2]int{{300, 4000}, {-10, 25}}},
			{"Horizon scanning at %d of %d executive meetings; %d commissioning decisions taken jointly.", [][2]int{{0, 6}, {6, 6}, {0, 4}}},
		},
		strengths: [3]string{"An early help offer in every locality.", "Learning from reviews is reaching early help.", "The needs assessment shapes joint commissioning."},
		areas:     [3]string{"Learning does not reach commissioning; no horizon scanning.", "Commissioning is still by each agency alone.", "Evidence that early help reduces later demand is limited."},
	},
	"workforce": {
		evidence: []evidenceText{
			{"%d multi-agency training places, evaluated at three months (return rate %d%%). Social work vacancy rate %d%%.", [][2]int{{300, 2500}, {10, 60}, {5, 30}}},
			{"Joint supervision running in %d localities; %d peer audits completed.", [][2]int{{0, 6}, {0, 4}}},
		},
		strengths: [3]string{"Good take-up of training.", "Training is evaluated for changes in practice.", "Peer learning and peer audit are established."},
		areas:     [3]string{"Training is counted by attendance, not outcomes.", "Recruitment and retention remain the biggest risk.", "The impact of the leadership programme is not yet known."},
	},
	"": {
		evidence:  []evidenceText{{"Discussed at %d executive meetings in the year, with %d reports from the partners.", [][2]int{{1, 6}, {1, 9}}}},
		strengths: [3]string{"The partners recognise the issue.", "Joint work is under way.", "Practice is consistent across the partners."},
		areas:     [3]string{"Little shared evidence yet.", "Impact is not yet measured.", "Sustaining the progress made."},
	},
}

// rationales are why an invented workshop agreed its levels.
var rationales = []string{
	"Agreed after discussion: the evidence shows this in some agencies but not yet across the partnership.",
	"Agreed at this level because the evidence is about activity more than impact.",
	"Partners agreed the evidence supports this level; two voted lower.",
	"Agreed: the scrutineer’s findings and the audit programme bear this out.",
	"Held at this level until a full year of outcome data is available.",
}

// nationalAction is an action an invented workshop may set, with the kind
// of agency that owns it.
type nationalAction struct {
	title, measure string
	kind           assessment.AgencyKind
}

// nationalActions are the invented workshops' actions, by question.
var nationalActions = map[string]nationalAction{
	"culture.1":       {"Run joint leadership sessions on shared values and constructive challenge", "Partner survey: share of managers confident to challenge another agency rises by 10 points", assessment.LocalAuthority},
	"culture.2":       {"Give the voluntary and community sector a second seat at the executive", "Voluntary sector members report feeling heard (survey, target 70%)", assessment.RelevantAgency},
	"culture.3":       {"Relaunch the escalation policy with a restorative first stage", "Escalations logged each quarter and the share resolved at the first stage", assessment.LocalAuthority},
	"intent.1":        {"Refresh the partnership’s priorities from the needs assessment", "Priorities agreed by all partners and published with their evidence", assessment.LocalAuthority},
	"intent.2":        {"Agree a fair funding formula between the three statutory partners", "Formula signed by all three partners before the budget is set", assessment.IntegratedCareBoard},
	"intent.3":        {"Set impact measures for each priority and report them quarterly", "Every priority has two impact measures on the dashboard", assessment.LocalAuthority},
	"delivery.1":      {"Hold quarterly practitioner forums whose themes go to the executive", "Forum themes answered in the executive’s minutes within one cycle", assessment.LocalAuthority},
	"delivery.2":      {"Fund a joint analyst and publish a partnership data strategy", "Analyst in post; joint dataset reviewed each quarter", assessment.Police},
	"effectiveness.1": {"Adopt an outcomes framework measuring impact, not activity", "The yearly report gives ten outcome measures with a baseline and trend", assessment.IntegratedCareBoard},
	"effectiveness.2": {"Re-audit six months after each review to test whether practice changed", "Re-audit done for every review; share of cases showing the change", assessment.IntegratedCareBoard},
	"effectiveness.3": {"Set up a young people’s advisory group and collect family feedback", "Advisory group of ten; feedback response rate above 40%", assessment.LocalAuthority},
	"upstream.1":      {"Review the threshold document with every partner", "Revised thresholds agreed; referrals not meeting threshold fall by a fifth", assessment.LocalAuthority},
	"upstream.2":      {"Commission one early help service jointly", "Service commissioned jointly; families supported and their outcomes", assessment.IntegratedCareBoard},
	"upstream.3":      {"Put a horizon-scanning item on every executive agenda", "Horizon-scanning log kept; two decisions a year traced to it", assessment.Police},
	"workforce.1":     {"Agree a partnership workforce strategy", "Strategy agreed; vacancy rates reported to the executive each quarter", assessment.LocalAuthority},
	"workforce.2":     {"Evaluate multi-agency training at three months for changes in practice", "Evaluation return rate above 50%; audit sample confirms the change", assessment.RelevantAgency},
	"workforce.3":     {"Run a shared recruitment campaign for social workers and health visitors", "Social work vacancy rate below 15% within two years", assessment.LocalAuthority},
	"workforce.4":     {"Extend joint supervision and peer audit to every locality", "Joint supervision in every locality; two peer audits a year", assessment.Police},
}
