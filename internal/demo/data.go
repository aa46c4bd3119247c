package demo

import "github.com/partnership-maturity/maturity/internal/assessment"

// agencies are Northshire's partners: the three statutory partners first.
var agencies = []agencySpec{
	{"Northshire County Council", assessment.LocalAuthority},
	{"NHS Northshire Integrated Care Board", assessment.IntegratedCareBoard},
	{"Northshire Police", assessment.Police},
	{"Northshire Schools and Colleges Forum", assessment.RelevantAgency},
	{"Probation Service, Northshire", assessment.RelevantAgency},
	{"Northshire Council for Voluntary Service", assessment.RelevantAgency},
}

// people take part in every year's workshop; names test letters beyond ASCII.
var people = []person{
	{"Priya Raman", "Partnership Business Manager", "Northshire County Council"},
	{"Siobhán O’Neill", "Director of Children’s Services", "Northshire County Council"},
	{"Tomasz Wiśniewski", "Head of Early Help", "Northshire County Council"},
	{"Dr Amara Okafor", "Designated Doctor for Safeguarding", "NHS Northshire Integrated Care Board"},
	{"Gareth Llewelyn", "Chief Nurse", "NHS Northshire Integrated Care Board"},
	{"Det. Supt. Chloé Martin", "Head of Public Protection", "Northshire Police"},
	{"Zoë Brennan", "Headteacher, Castlegate Academy", "Northshire Schools and Colleges Forum"},
	{"Marcus Reid", "Head of Service", "Probation Service, Northshire"},
	{"Fatima Hussain", "Chief Executive", "Northshire Council for Voluntary Service"},
	{"Rhiannon Evans", "Safeguarding Lead, Northshire Community Health", "NHS Northshire Integrated Care Board"},
}

// facilitator leads the workshops.
const facilitator = "Priya Raman"

// scrutineer is the partnership's independent scrutineer.
const scrutineer = "Dr Helen Marsh, Independent Scrutineer"

// baseLevels are the agreed levels of the first year, by question id; later
// years improve on them. A question missing here is left unassessed in the
// first year.
var baseLevels = map[string]int{
	"culture.1": 3, "culture.2": 2, "culture.3": 2,
	"intent.1": 3, "intent.2": 2, "intent.3": 2,
	"delivery.1": 2, "delivery.2": 1,
	"effectiveness.1": 2, "effectiveness.2": 3, "effectiveness.3": 1,
	"upstream.1": 2, "upstream.2": 2,
	"workforce.1": 3, "workforce.2": 2, "workforce.3": 1, "workforce.4": 2,
}

// themeText is what the workshops wrote under each theme, one entry a year.
var themeText = map[string][3]words{
	"culture": {
		{"Executive meetings rotate chairing between the three statutory partners. The 2023 partner survey showed 61% of middle managers felt able to challenge another agency’s decision.",
			"Strong relationships between the Director of Children’s Services, the Chief Nurse and the Head of Public Protection.",
			"Challenge is still seen as personal; the escalation policy is rarely used by health and schools.",
			"Agreed at the lower level because the survey showed challenge depends on individuals, not on the system."},
		{"Escalation policy relaunched in June 2024 with a restorative approach; 23 escalations logged in the year against 9 the year before, 19 resolved at the first stage.",
			"Leaders model challenge in the executive: minutes record two decisions changed after challenge from police and schools.",
			"Practitioners from the voluntary sector report they still do not feel heard in strategy meetings.",
			"Moved up one level: the escalation data shows challenge happening and being resolved, but not yet everywhere."},
		{"Annual culture survey (n = 412, “I can challenge a colleague from another agency”: 78%, up from 61%). Learning events include a “what went wrong, without blame” session each quarter.",
			"Challenge is now routine and recorded; partners celebrate joint work in the newsletter and at the annual conference.",
			"Voluntary and community sector voice at the executive is still through one seat; faith groups are not represented.",
			"Agreed after discussion: two partners voted lower because the voluntary sector view is still limited."},
	},
	"intent": {
		{"Business plan 2023–25 agreed with three priorities (neglect, exploitation, early help). Budget: LA 62%, ICB 24%, police 14%.",
			"Priorities were chosen from the joint strategic needs assessment.",
			"Funding is unequal and the plan reads as the council’s plan; relevant agencies were not consulted.",
			"Partners agreed responsibilities are not yet shared or equal."},
		{"Funding formula revised to LA 45%, ICB 30%, police 25% from April 2024. Relevant agencies consulted on the priorities through the schools forum and the voluntary sector network.",
			"Each statutory partner now leads one priority and reports on it to the executive.",
			"Accountability for priorities below executive level is unclear; subgroups report activity rather than impact.",
			"Improved: shared leadership of priorities is real, but ambition is limited by unclear accountability."},
		{"Yearly report 2024/25 set out each partner’s contribution and the difference made. Priority leads present impact data (not activity) at each executive meeting.",
			"Clear, published intent grounded in local need and threat; a shared dashboard.",
			"Support and challenge to the police and ICB from relevant agencies is still light.",
			"Agreed at Established: the intent is clear and shared, with impact discussed at every meeting."},
	},
	"delivery": {
		{"Strategy is written by the business unit and communicated by email. Few practitioners know the priorities (practitioner survey: 34%).",
			"A clear written strategy exists.",
			"No route from frontline practice back into strategy; no data strategy or joint analyst.",
			"Partners agreed the strategy does not yet reach or learn from the front line."},
		{"Practitioner forums held quarterly, with the themes reported to the executive. Joint analyst post funded by all three partners from September 2024.",
			"Frontline forums are well attended (average 70) and their themes are acted on.",
			"The data strategy is still in draft; audits are single-agency.",
			"Up one level: frontline voice now informs strategy, but joint analysis is only starting."},
		{"Data strategy agreed in May 2025. Multi-agency audit programme: 4 audits completed (neglect, exploitation, strategy meetings, babies), each with actions tracked to completion.",
			"A joint dataset with 28 measures is reviewed each quarter and used to spot new threats.",
			"Audit findings are not yet tested for whether practice changed.",
			"Agreed at Developing to Established: the data strategy is in place but too new to show impact."},
	},
	"effectiveness": {
		{"The yearly report lists activity: numbers trained, reviews completed, meetings held. The independent scrutineer’s first report noted “little evidence of impact”.",
			"Reviews are completed on time.",
			"We cannot say whether what we do is effective; the voice of children is not used in designing arrangements.",
			"Partners agreed the evidence is descriptive rather than about impact."},
		{"Independent scrutiny plan published; scrutineer attends the executive. Young people’s advisory group (12 members) consulted on the early help front door.",
			"Scrutiny is independent and its recommendations are tracked.",
			"Impact measures still mostly count activity; families’ experience of referral pathways is not measured.",
			"Moved up: scrutiny and children’s voice are used, but impact measurement is weak."},
		{"Outcomes framework with 12 impact measures adopted. Family feedback collected after every child protection conference (response rate 41%).",
			"Learning from reviews is checked by re-audit six months later.",
			"Inspection findings and scrutiny are not yet brought together in one view of effectiveness.",
			"Agreed at Developing: impact measures exist but a year of data is needed."},
	},
	"upstream": {
		{"Early help strategy refreshed in 2023. Threshold document last reviewed in 2021.",
			"Early help offer available in every locality hub.",
			"Learning from reviews does not feed into commissioning; no horizon scanning.",
			"Agreed at Emerging: prevention is valued but not driven by learning."},
		{"Threshold document revised with partners in November 2024. Public health analyst joined the early help board.",
			"Family hubs opened in three localities.",
			"Commissioning decisions still taken by each agency separately.",
			"Improved slightly: learning is reaching early help but not commissioning."},
		{"Horizon-scanning item at every executive (recent: online harm, vaping, cost of living). Joint commissioning of a domestic abuse service for children agreed.",
			"Partnership uses the needs assessment to shape joint commissioning.",
			"Evidence that early help reduces later statutory demand is still limited.",
			"Agreed at Developing: horizon scanning is routine and has changed a commissioning decision."},
	},
	"workforce": {
		{"Each agency has its own workforce plan. Multi-agency training reported by attendance (1,240 places).",
			"Good take-up of training.",
			"No recruitment and retention strategy across agencies; training impact unknown; no peer audit.",
			"Partners agreed training is counted by attendance, not by outcomes."},
		{"Training evaluated three months after each course (return rate 38%). Joint supervision pilot in two localities.",
			"Practitioners value the joint supervision pilot.",
			"Recruitment and retention of social workers and health visitors remains the biggest risk.",
			"Moved up where training is now evaluated; recruitment still weak."},
		{"Workforce subgroup formed with a shared recruitment campaign. Peer audit of strategy meetings by police and health practitioners. Staff welfare offer open to all partners.",
			"Peer learning and peer audit are established; leadership programme for strategic leads launched.",
			"Social work vacancy rate 21%; impact of the leadership programme not yet known.",
			"Agreed at Developing: good progress on learning, less on recruitment."},
	},
}

// evidenceDocs are the documents the workshops cited, by theme.
var evidenceDocs = map[string][]doc{
	"culture":       {{"Partner culture survey results", "SharePoint: NSCP/Surveys/culture-survey.xlsx"}, {"Escalation policy and log", "https://northshirescp.example.org/escalation"}},
	"intent":        {{"Business plan and budget", "SharePoint: NSCP/Plans/business-plan.pdf"}, {"Joint strategic needs assessment", "https://northshire.example.gov.uk/jsna"}},
	"delivery":      {{"Practitioner forum themes", "SharePoint: NSCP/Forums/themes.docx"}, {"Data strategy", "SharePoint: NSCP/Data/data-strategy.pdf"}},
	"effectiveness": {{"Independent scrutineer’s report", "SharePoint: NSCP/Scrutiny/report.pdf"}, {"Outcomes framework", "SharePoint: NSCP/Performance/outcomes.xlsx"}},
	"upstream":      {{"Threshold document", "https://northshirescp.example.org/thresholds"}, {"Early help strategy", "SharePoint: NSCP/EarlyHelp/strategy.pdf"}},
	"workforce":     {{"Training evaluation summary", "SharePoint: NSCP/Training/evaluation.xlsx"}, {"Workforce subgroup terms of reference", "SharePoint: NSCP/Workforce/tor.docx"}},
}

// actionText is the action plan's bank: what, for which question, owned by
// whom, measured how.
var actionText = []actionSpec{
	{"culture.3", "Relaunch the escalation policy with a restorative resolution stage and train 200 managers in using it", "Siobhán O’Neill", "Northshire County Council", "Escalations logged per quarter and share resolved at first stage; manager survey on confidence to challenge (target 75%)"},
	{"culture.2", "Give the voluntary and community sector a second executive seat and a faith-sector advisory group", "Fatima Hussain", "Northshire Council for Voluntary Service", "Voluntary sector members report feeling heard (survey, target 70%); advisory group meets four times a year"},
	{"intent.2", "Agree a fair funding formula between the three statutory partners", "Gareth Llewelyn", "NHS Northshire Integrated Care Board", "Formula signed by all three partners before the budget is set; no partner above 50%"},
	{"intent.3", "Set impact measures for each business plan priority and report them quarterly", "Priya Raman", "Northshire County Council", "Every priority has at least two impact measures on the dashboard; executive minutes show decisions taken on them"},
	{"delivery.2", "Fund a joint analyst and publish a partnership data strategy", "Det. Supt. Chloé Martin", "Northshire Police", "Analyst in post; data strategy approved; quarterly joint dataset reviewed by the executive"},
	{"delivery.1", "Hold quarterly practitioner forums whose themes go to the executive", "Tomasz Wiśniewski", "Northshire County Council", "Forum themes appear in executive minutes with a response within one meeting cycle"},
	{"effectiveness.1", "Adopt an outcomes framework measuring impact, not activity", "Dr Amara Okafor", "NHS Northshire Integrated Care Board", "Yearly report 2025/26 reports at least 10 outcome measures with a baseline and trend"},
	{"effectiveness.3", "Set up a young people’s advisory group and collect family feedback after conferences", "Tomasz Wiśniewski", "Northshire County Council", "Advisory group of at least 10 young people; feedback response rate above 40%; two service changes made because of it"},
	{"effectiveness.2", "Re-audit six months after each review to test whether practice changed", "Rhiannon Evans", "NHS Northshire Integrated Care Board", "Re-audit completed for every review; share of audited cases showing the changed practice"},
	{"upstream.3", "Put a horizon-scanning item on every executive agenda", "Priya Raman", "Northshire County Council", "Horizon-scanning log kept; at least two decisions a year traced to it"},
	{"upstream.2", "Jointly commission a domestic abuse service for children and young people", "Gareth Llewelyn", "NHS Northshire Integrated Care Board", "Service commissioned by April 2026; number of children supported and their reported outcomes"},
	{"workforce.2", "Evaluate multi-agency training at three months for changes in practice", "Zoë Brennan", "Northshire Schools and Colleges Forum", "Evaluation return rate above 50%; share reporting a change in practice; audit sample confirms it"},
	{"workforce.3", "Agree a shared recruitment and retention strategy for social workers and health visitors", "Siobhán O’Neill", "Northshire County Council", "Social work vacancy rate below 15% and health visitor vacancies below 10% by March 2027"},
	{"workforce.4", "Extend joint supervision and peer audit to all localities", "Marcus Reid", "Probation Service, Northshire", "Joint supervision in all five localities; two peer audits a year with findings acted on"},
}
