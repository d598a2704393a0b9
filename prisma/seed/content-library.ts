/**
 * The demo content library of Fernhill Energy: what its comms team would really have written,
 * with captions in different voices, translations, and a history (dates are days relative to the
 * moment of seeding). seed-content.ts turns this into rows.
 */
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type { BannerName } from "./banner-images";
import type { LOCATIONS, TEAMS } from "./people";

type TeamName = (typeof TEAMS)[number]["name"];
type LocationName = (typeof LOCATIONS)[number];

export interface LibraryCaption {
  label: "formal" | "personal" | "short";
  text: string;
}

/** Where an item stands, in days before (or after) the seed's `now`. */
export type LibraryTiming =
  /** Live since `daysAgo`; `expireInDays` < 0 means it has expired. */
  | { status: "PUBLISHED"; daysAgo: number; expireInDays?: number }
  /** Published `daysAgo`, visible only from `liveInDays` on. */
  | { status: "SCHEDULED"; daysAgo: number; liveInDays: number; expireInDays?: number }
  /** Last edited `daysAgo`; `sentBack` is the reviewer's comment when it came back from review. */
  | { status: "DRAFT"; daysAgo: number; sentBack?: string }
  | { status: "IN_REVIEW"; daysAgo: number }
  | { status: "ARCHIVED"; daysAgo: number; archivedDaysAgo: number; comment: string };

export interface LibraryItem {
  slug: string;
  title: string;
  /** Base language; "en" unless given. */
  language?: string;
  /** The suggested post; its last paragraph holds the hashtags. */
  body: string;
  captions: LibraryCaption[];
  valueType: ValueType;
  goals: BusinessGoal[];
  notes?: string;
  link?: { url: string; title: string; description: string; siteName: string };
  /** Omitted: the whole organisation. */
  audience?: { teams?: TeamName[]; locations?: LocationName[] };
  translations?: { language: string; title: string; body: string; captions: LibraryCaption[] }[];
  image?: BannerName;
  timing: LibraryTiming;
}

/** A story an employee sent in: waiting, turned into a library item, or declined. */
export interface LibrarySuggestion {
  /** The employee's name, as in people.ts. */
  by: string;
  title: string;
  body: string;
  linkUrl?: string;
  valueType?: ValueType;
  image?: BannerName;
  daysAgo: number;
  outcome:
    | { status: "PENDING" }
    | { status: "ACCEPTED"; itemSlug: string }
    | { status: "REJECTED"; reviewer: string; reason: string };
}

const post = (...paragraphs: string[]) => paragraphs.join("\n\n");

export const LIBRARY: LibraryItem[] = [
  {
    slug: "solar-park-alentejo-connected",
    title: "40 MW solar park in Alentejo is now connected",
    body: post(
      "Herdade da Azenha is live. ☀️",
      "The 40 MW solar park near Évora sent its first megawatt-hours into the Portuguese grid on Tuesday morning. Our software now forecasts its output every 15 minutes and lets the operator, Sol do Sul Energia, curtail or shift production when the local grid is congested, instead of switching the whole park off.",
      "A few numbers:\n→ 72,000 panels on 58 hectares\n→ enough electricity for about 21,000 households\n→ grid connection approved in 11 months instead of the usual 2–3 years, thanks to a flexible connection agreement with the network operator",
      "Thank you to the Lisbon team, who spent many early mornings on site, and to Sol do Sul for trusting us with their first park of this size.",
      "#SolarEnergy #GridFlexibility #Portugal #EnergyTransition",
    ),
    captions: [
      {
        label: "formal",
        text: "Herdade da Azenha, a 40 MW solar park near Évora, is now connected to the Portuguese grid. Fernhill Energy forecasts its output and manages its flexible grid connection, which cut the connection time to 11 months. #SolarEnergy #GridFlexibility",
      },
      {
        label: "personal",
        text: "I watched this one go from a spreadsheet to 72,000 panels in the sun. Herdade da Azenha (40 MW) is live, and our software is why it could connect years early. Proud of our Lisbon crew! ☀️ #SolarEnergy",
      },
      {
        label: "short",
        text: "40 MW of new solar in Alentejo, connected in 11 months. ☀️ #SolarEnergy #Portugal",
      },
    ],
    valueType: "INFORMATION",
    goals: ["MARKETING", "SALES"],
    notes: "Sol do Sul will post their own announcement: feel free to reshare it and tag them.",
    link: {
      url: "https://fernhill.example/news/herdade-da-azenha-connected",
      title: "Herdade da Azenha: 40 MW connected in 11 months",
      description:
        "How a flexible connection agreement and 15-minute forecasts brought a 40 MW solar park online years ahead of schedule.",
      siteName: "Fernhill Energy",
    },
    image: "solar",
    translations: [
      {
        language: "pt",
        title: "Parque solar de 40 MW no Alentejo já está ligado à rede",
        body: post(
          "A Herdade da Azenha já está a produzir. ☀️",
          "O parque solar de 40 MW perto de Évora injetou os primeiros megawatts-hora na rede portuguesa na terça-feira de manhã. O nosso software prevê a sua produção a cada 15 minutos e permite ao operador, a Sol do Sul Energia, limitar ou deslocar a produção quando a rede local está congestionada, em vez de desligar o parque inteiro.",
          "Alguns números:\n→ 72 000 painéis em 58 hectares\n→ eletricidade suficiente para cerca de 21 000 casas\n→ ligação à rede aprovada em 11 meses em vez dos habituais 2–3 anos, graças a um acordo de ligação flexível com o operador de rede",
          "Obrigado à equipa de Lisboa, que passou muitas madrugadas no terreno, e à Sol do Sul pela confiança no seu primeiro parque desta dimensão.",
          "#EnergiaSolar #FlexibilidadeDaRede #Portugal #TransiçãoEnergética",
        ),
        captions: [
          {
            label: "personal",
            text: "Vi este projeto passar de uma folha de cálculo a 72 000 painéis ao sol. A Herdade da Azenha (40 MW) já está ligada à rede, anos mais cedo graças ao nosso software. Orgulho na equipa de Lisboa! ☀️ #EnergiaSolar",
          },
          {
            label: "short",
            text: "40 MW de energia solar no Alentejo, ligados à rede em 11 meses. ☀️ #EnergiaSolar",
          },
        ],
      },
      {
        language: "de",
        title: "40-MW-Solarpark im Alentejo ist am Netz",
        body: post(
          "Herdade da Azenha ist am Netz. ☀️",
          "Der 40-MW-Solarpark bei Évora hat am Dienstagmorgen die ersten Megawattstunden ins portugiesische Netz eingespeist. Unsere Software prognostiziert seine Erzeugung im 15-Minuten-Takt und ermöglicht dem Betreiber Sol do Sul Energia, die Leistung bei Netzengpässen gezielt zu drosseln oder zu verschieben, statt den ganzen Park abzuschalten.",
          "Ein paar Zahlen:\n→ 72.000 Module auf 58 Hektar\n→ Strom für rund 21.000 Haushalte\n→ Netzanschluss in 11 Monaten statt der üblichen 2–3 Jahre, dank einer flexiblen Anschlussvereinbarung mit dem Netzbetreiber",
          "Danke an das Team in Lissabon für viele frühe Morgen auf der Baustelle – und an Sol do Sul für das Vertrauen in ihren ersten Park dieser Größe.",
          "#Solarenergie #Netzflexibilität #Energiewende",
        ),
        captions: [
          {
            label: "formal",
            text: "Der 40-MW-Solarpark Herdade da Azenha bei Évora ist am Netz. Fernhill Energy prognostiziert die Erzeugung und steuert den flexiblen Netzanschluss – angeschlossen in 11 Monaten statt in zwei bis drei Jahren. #Solarenergie #Energiewende",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 6 },
  },
  {
    slug: "forecasting-grid-load-48-hours",
    title: "How we forecast grid load 48 hours ahead",
    body: post(
      "Forecasting grid load sounds like a solved problem. It isn't, at least not for a single substation.",
      "In our new engineering blog post, Sofia Lindqvist and Inês Costa explain how we forecast load for 3,400 substations up to 48 hours ahead:",
      "→ why a national forecast is easy and a feeder-level one is hard (one street of new heat pumps changes everything)\n→ why we moved from one big model to thousands of small gradient-boosted ones\n→ how we blend weather ensembles instead of trusting a single weather forecast\n→ the mistake that cost us a week: daylight saving time, of course",
      "The result: the median error dropped from 9.1 % to 5.4 %. For a network operator that means fewer manual interventions and less expensive reserve.",
      "If you enjoy this kind of problem: we're hiring.",
      "#DataScience #Forecasting #SmartGrid #Engineering",
    ),
    captions: [
      {
        label: "formal",
        text: "Our engineering team explains how Fernhill forecasts load for 3,400 substations up to 48 hours ahead, and how the median error fell from 9.1 % to 5.4 %. #Forecasting #SmartGrid",
      },
      {
        label: "personal",
        text: "This is the problem my team thinks about all day, and Sofia and Inês finally wrote it down. Best part: the daylight saving time bug. Worth a read if you like data that fights back. #DataScience",
      },
      {
        label: "short",
        text: "Substation-level load forecasts, 48 h ahead, 5.4 % median error. Here's how. #Forecasting",
      },
    ],
    valueType: "EDUCATION",
    goals: ["MARKETING", "HR"],
    notes:
      "Engineers: add one sentence about your own part of the pipeline. Personal posts reach far more people than plain reshares.",
    link: {
      url: "https://fernhill.example/blog/forecasting-grid-load",
      title: "Forecasting grid load for 3,400 substations",
      description:
        "What we learned building substation-level load forecasts: many small models, weather ensembles and one daylight saving time bug.",
      siteName: "Fernhill Engineering Blog",
    },
    image: "forecast",
    translations: [
      {
        language: "de",
        title: "Wie wir die Netzlast 48 Stunden im Voraus prognostizieren",
        body: post(
          "Netzlast prognostizieren – klingt nach einem gelösten Problem. Ist es aber nicht, zumindest nicht für ein einzelnes Umspannwerk.",
          "In unserem neuen Engineering-Blogpost erklären Sofia Lindqvist und Inês Costa, wie wir die Last für 3.400 Umspannwerke bis zu 48 Stunden im Voraus prognostizieren:",
          "→ warum eine nationale Prognose einfach ist und eine pro Abgang schwer (eine Straße mit neuen Wärmepumpen ändert alles)\n→ warum wir von einem großen Modell auf Tausende kleine Gradient-Boosting-Modelle umgestiegen sind\n→ wie wir Wetter-Ensembles kombinieren, statt einer einzigen Wetterprognose zu vertrauen\n→ der Fehler, der uns eine Woche gekostet hat: natürlich die Zeitumstellung",
          "Das Ergebnis: Der mittlere Fehler sank von 9,1 % auf 5,4 %. Für Netzbetreiber heißt das weniger manuelle Eingriffe und weniger teure Reserve.",
          "Wenn dich solche Probleme reizen: Wir stellen ein.",
          "#DataScience #Prognose #SmartGrid #Engineering",
        ),
        captions: [
          {
            label: "short",
            text: "Lastprognosen pro Umspannwerk, 48 Stunden im Voraus, 5,4 % mittlerer Fehler. So machen wir das. #SmartGrid",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 12 },
  },
  {
    slug: "headphones-for-support-team",
    title: "Noise-cancelling headphones for our support team",
    body: post(
      "Our customer support team spends about six hours a day on calls with control rooms, field crews and the occasional very stressed network planner.",
      "At their last retro they told us one thing made those calls harder than they had to be: open-plan noise. So this week all nine people in support got a pair of good noise-cancelling headphones. No business case, no pilot, just a box on each desk.",
      "It's a small thing. But small things are how you show people you actually listened.",
      'First message in the team chat afterwards: "I can hear myself think. Is this what the engineers feel like all the time?" 🎧',
      "#EmployeeExperience #CustomerSupport #TeamCulture",
    ),
    captions: [
      {
        label: "personal",
        text: "Our support team asked for quieter calls and had noise-cancelling headphones on their desks the same week. I love working somewhere that listens. 🎧 #TeamCulture",
      },
      {
        label: "formal",
        text: "Fernhill Energy has equipped its customer support team with noise-cancelling headphones after the team named open-plan noise as its biggest everyday obstacle. #EmployeeExperience",
      },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR"],
    image: "team",
    timing: { status: "PUBLISHED", daysAgo: 20 },
  },
  {
    slug: "workcation-week-lisbon",
    title: "A workcation week in Lisbon",
    body: post(
      "Last week 26 of us from Berlin, Stockholm and remote swapped our usual desks for our Lisbon office.",
      "The plan was simple: normal work in the mornings, time together in the afternoons.\n→ Monday: a walking tour through Alfama (and far too many stairs)\n→ Tuesday: a surf lesson in Carcavelos. Erik stood up on the board exactly once.\n→ Wednesday: the Lisbon team cooked for everyone\n→ Thursday: an afternoon of demos, each team showing what it is building\n→ Friday: sunset at the Miradouro da Senhora do Monte",
      "Most of us work across four locations and five time zones. A week like this turns names in Slack into people you know, and that makes every call afterwards easier.",
      "#Workcation #RemoteWork #Lisbon #TeamCulture",
    ),
    captions: [
      {
        label: "personal",
        text: "Five days in Lisbon with colleagues I usually only see on a screen. I came back with sore legs from Alfama's stairs and a much better idea of who I work with. 🌊 #Workcation",
      },
      {
        label: "formal",
        text: "Fernhill Energy brought 26 colleagues from Berlin, Stockholm and remote to its Lisbon office for a workcation week: focused work in the mornings, time together in the afternoons. #TeamCulture #RemoteWork",
      },
      {
        label: "short",
        text: "Mornings: work. Afternoons: Lisbon. Our workcation week. 🌊 #Workcation",
      },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR"],
    notes:
      "If you were there, add your own favourite moment. The surf lesson is fair game (Erik agreed).",
    link: {
      url: "https://fernhill.example/careers/life-at-fernhill",
      title: "Life at Fernhill",
      description:
        "Four locations, one team: how we work across Berlin, Stockholm, Lisbon and remote.",
      siteName: "Fernhill Energy Careers",
    },
    image: "team",
    translations: [
      {
        language: "pt",
        title: "Uma semana de workcation em Lisboa",
        body: post(
          "Na semana passada, 26 de nós, vindos de Berlim, Estocolmo e do trabalho remoto, trocaram as secretárias habituais pelo nosso escritório de Lisboa.",
          "O plano era simples: trabalho normal de manhã, tempo juntos à tarde.\n→ Segunda: visita a pé pela Alfama (e escadas a mais)\n→ Terça: aula de surf em Carcavelos. O Erik conseguiu pôr-se de pé na prancha exatamente uma vez.\n→ Quarta: a equipa de Lisboa cozinhou para todos\n→ Quinta: uma tarde de demos, com cada equipa a mostrar o que está a construir\n→ Sexta: pôr do sol no Miradouro da Senhora do Monte",
          "A maioria de nós trabalha entre quatro locais e cinco fusos horários. Uma semana assim transforma nomes no Slack em pessoas que conhecemos, e isso torna cada chamada seguinte mais fácil.",
          "#Workcation #TrabalhoRemoto #Lisboa #CulturaDeEquipa",
        ),
        captions: [
          {
            label: "personal",
            text: "Cinco dias em Lisboa com colegas que normalmente só vejo no ecrã. Voltei com as pernas doridas das escadas da Alfama e a conhecer muito melhor quem trabalha comigo. 🌊 #Workcation",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 34 },
  },
  {
    slug: "aisha-high-voltage-certification",
    title: "Aisha Bello is now certified for high-voltage switching",
    body: post(
      "Congratulations to Aisha Bello, one of our field engineers in Berlin, who has passed her high-voltage switching certification (up to 110 kV).",
      "That means Aisha may now carry out and supervise switching operations in substations on her own: the kind of work where procedures are followed to the letter, because there is no undo button.",
      'Behind the certificate: 12 weeks of evening study, a written exam, a practical assessment in a live substation and, in her words, "more safety briefings than I can count".',
      "Aisha joined us two years ago after an apprenticeship in electrical installation. We're proud to have her on the team, and she's happy to talk to anyone thinking about a career in field engineering.",
      "#FieldEngineering #HighVoltage #WomenInEnergy #CareerGrowth",
    ),
    captions: [
      {
        label: "personal",
        text: "So proud of my colleague Aisha: certified for high-voltage switching up to 110 kV after 12 weeks of evening study. If you're wondering whether field engineering is for you, talk to her! ⚡ #WomenInEnergy",
      },
      {
        label: "formal",
        text: "Fernhill Energy congratulates field engineer Aisha Bello on her certification for high-voltage switching operations up to 110 kV. #FieldEngineering #HighVoltage",
      },
      {
        label: "short",
        text: "New on the team: HV switching up to 110 kV. Well done, Aisha! ⚡ #FieldEngineering",
      },
    ],
    valueType: "MOTIVATION",
    goals: ["HR"],
    notes: "Aisha suggested this story herself and is happy to be tagged.",
    image: "badge",
    translations: [
      {
        language: "de",
        title: "Aisha Bello ist jetzt für Hochspannungsschaltungen zertifiziert",
        body: post(
          "Herzlichen Glückwunsch an Aisha Bello, eine unserer Feldingenieurinnen in Berlin: Sie hat ihre Zertifizierung für Schalthandlungen in Hochspannungsanlagen (bis 110 kV) bestanden.",
          "Damit darf Aisha Schaltungen in Umspannwerken jetzt eigenständig durchführen und beaufsichtigen – Arbeit, bei der jede Anweisung exakt befolgt wird, weil es keinen Rückgängig-Knopf gibt.",
          "Hinter dem Zertifikat stecken 12 Wochen Lernen am Abend, eine schriftliche Prüfung, eine praktische Prüfung in einem Umspannwerk unter Spannung und, in ihren Worten, „mehr Sicherheitsunterweisungen, als ich zählen kann“.",
          "Aisha kam vor zwei Jahren nach ihrer Ausbildung zur Elektronikerin zu uns. Wir sind stolz, sie im Team zu haben – und sie erzählt gern allen, die über eine Karriere im Außendienst nachdenken, wie es wirklich ist.",
          "#Feldingenieurin #Hochspannung #FrauenInDerEnergie #Karriere",
        ),
        captions: [
          {
            label: "personal",
            text: "Ich bin so stolz auf meine Kollegin Aisha: zertifiziert für Hochspannungsschaltungen bis 110 kV, nach 12 Wochen Lernen neben der Arbeit. ⚡ #FrauenInDerEnergie",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 9 },
  },
  {
    slug: "hiring-four-engineering-roles",
    title: "We're hiring: four engineering roles in Berlin, Stockholm and remote",
    body: post(
      "We're growing the team that builds Fernhill's grid platform, and we have four open roles:",
      "→ Senior Backend Engineer (Go, PostgreSQL), Berlin or remote\n→ Data Engineer for our forecasting pipelines, Stockholm or remote\n→ Site Reliability Engineer, remote within Europe\n→ Field Engineer for substations, Berlin",
      "What you'd work on: software that network operators use every day to keep the lights on while millions of solar panels, heat pumps and EV chargers connect to the grid.",
      "What we offer: a four-day week option, 30 days of holiday, a yearly learning budget of €2,000 and a team that writes things down.",
      "Know someone who'd be a great fit? A referral from you goes straight to the hiring manager.",
      "#Hiring #EngineeringJobs #EnergyTransition #BerlinJobs",
    ),
    captions: [
      {
        label: "personal",
        text: "My team is hiring! If you want your code to help the grid cope with solar, heat pumps and EVs, this is the place. Message me if you want to know what it's really like. #Hiring",
      },
      {
        label: "formal",
        text: "Fernhill Energy is hiring four engineers (backend, data, site reliability and field engineering) in Berlin, Stockholm and remote. #Hiring #EngineeringJobs",
      },
      {
        label: "short",
        text: "4 engineering roles. Berlin, Stockholm, remote. Grid software that matters. #Hiring",
      },
    ],
    valueType: "INFORMATION",
    goals: ["HR"],
    notes: "Referrals go to Anna Kovács. The referral bonus is €2,000 after the probation period.",
    link: {
      url: "https://fernhill.example/careers",
      title: "Careers at Fernhill Energy",
      description:
        "Open roles in engineering, sales and operations: Berlin, Stockholm, Lisbon and remote.",
      siteName: "Fernhill Energy Careers",
    },
    audience: { teams: ["Engineering", "People & Culture"] },
    translations: [
      {
        language: "de",
        title: "Wir stellen ein: vier Engineering-Stellen in Berlin, Stockholm und remote",
        body: post(
          "Wir bauen das Team hinter Fernhills Netzplattform aus und haben vier offene Stellen:",
          "→ Senior Backend Engineer (Go, PostgreSQL), Berlin oder remote\n→ Data Engineer für unsere Prognose-Pipelines, Stockholm oder remote\n→ Site Reliability Engineer, remote innerhalb Europas\n→ Feldingenieur:in für Umspannwerke, Berlin",
          "Woran du arbeitest: Software, mit der Netzbetreiber jeden Tag dafür sorgen, dass das Licht anbleibt, während Millionen Solaranlagen, Wärmepumpen und Ladepunkte ans Netz gehen.",
          "Was wir bieten: eine optionale Vier-Tage-Woche, 30 Urlaubstage, 2.000 € Weiterbildungsbudget im Jahr und ein Team, das Dinge aufschreibt.",
          "Du kennst jemanden, der gut passt? Deine Empfehlung landet direkt bei der einstellenden Führungskraft.",
          "#Hiring #Jobs #Energiewende #BerlinJobs",
        ),
        captions: [
          {
            label: "short",
            text: "4 Engineering-Stellen. Berlin, Stockholm, remote. Netzsoftware mit Sinn. #Hiring",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 4 },
  },
  {
    slug: "webinar-flexibility-for-utilities",
    title: "Webinar for municipal utilities: making flexibility pay",
    body: post(
      "Many municipal utilities have hundreds of heat pumps, batteries and EV chargers in their network, and no way yet to use them when the grid gets tight.",
      "In our next webinar, Daniel Kowalski and Nadia Petrova walk through:\n→ what the new rules on controllable consumer devices mean in practice\n→ how to start with one feeder instead of a big-bang project\n→ real numbers from a utility that cut peak load on a congested feeder by 22 %",
      "45 minutes, including 15 minutes for questions. No slides full of logos, promised.",
      "Free for staff of utilities and network operators. Registration via the link.",
      "#Utilities #GridFlexibility #Webinar #DSO",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy invites municipal utilities to a 45-minute webinar on using heat pumps, batteries and EV chargers as grid flexibility, with figures from a 22 % peak reduction. #Utilities #GridFlexibility",
      },
      {
        label: "personal",
        text: "If you work at a utility and flexibility is on your list for next year, join us. Daniel and Nadia are great at turning regulation into something practical. #Webinar",
      },
      {
        label: "short",
        text: "Free webinar for utilities: flexibility that pays, in 45 minutes. #GridFlexibility",
      },
    ],
    valueType: "EDUCATION",
    goals: ["SALES", "MARKETING"],
    notes:
      "The post expires on the webinar day. Only tag utility contacts who told you they'd welcome it.",
    link: {
      url: "https://fernhill.example/events/utility-flexibility-webinar",
      title: "Webinar: making flexibility pay for municipal utilities",
      description:
        "45 minutes on controllable devices, feeder-level pilots and real results. Free for utility staff.",
      siteName: "Fernhill Energy",
    },
    audience: { teams: ["Sales", "Marketing & Communications"] },
    translations: [
      {
        language: "de",
        title: "Webinar für Stadtwerke: Flexibilität, die sich rechnet",
        body: post(
          "Viele Stadtwerke haben Hunderte Wärmepumpen, Batteriespeicher und Ladepunkte im Netz – aber noch keinen Weg, sie zu nutzen, wenn es im Netz eng wird.",
          "In unserem nächsten Webinar zeigen Daniel Kowalski und Nadia Petrova:\n→ was die neuen Regeln für steuerbare Verbrauchseinrichtungen in der Praxis bedeuten\n→ wie man mit einem Abgang beginnt statt mit einem Großprojekt\n→ echte Zahlen eines Stadtwerks, das die Spitzenlast auf einem überlasteten Abgang um 22 % gesenkt hat",
          "45 Minuten, davon 15 Minuten für Fragen. Keine Folien voller Logos, versprochen.",
          "Kostenlos für Mitarbeitende von Stadtwerken und Netzbetreibern. Anmeldung über den Link.",
          "#Stadtwerke #Flexibilität #Webinar #Energiewende",
        ),
        captions: [
          {
            label: "formal",
            text: "Fernhill Energy lädt Stadtwerke zu einem 45-minütigen Webinar ein: Wärmepumpen, Speicher und Ladepunkte als Netzflexibilität nutzen, mit Zahlen aus der Praxis. #Stadtwerke #Flexibilität",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 15, expireInDays: 9 },
  },
  {
    slug: "customer-story-stadtwerke-rheinfeld",
    title: "Customer story: Stadtwerke Rheinfeld cut balancing costs by 18 %",
    body: post(
      "Stadtwerke Rheinfeld supplies 64,000 households and had a problem many utilities share: their load forecasts were fine on average and expensive on exactly the days that mattered.",
      "Over nine months together, we:\n→ replaced a single day-ahead forecast with substation-level forecasts updated every 15 minutes\n→ connected 310 heat pumps and 40 commercial batteries as controllable load\n→ set up alerts so the trading desk sees a deviation hours earlier",
      "The result after the first full year: balancing energy costs down 18 %, and a trading team that no longer dreads cold, windless winter mornings.",
      '"The biggest change is that we trust the numbers again," says their head of energy trading.',
      "#CaseStudy #Utilities #Forecasting #EnergyTrading",
    ),
    captions: [
      {
        label: "formal",
        text: "Stadtwerke Rheinfeld reduced its balancing energy costs by 18 % in the first year with Fernhill Energy's substation-level forecasts and flexible load control. #CaseStudy #Utilities",
      },
      {
        label: "personal",
        text: 'One of my favourite projects: Rheinfeld\'s traders told us they "trust the numbers again". That sentence means more to me than the 18 %. #CaseStudy',
      },
    ],
    valueType: "INFORMATION",
    goals: ["SALES", "MARKETING"],
    notes:
      "Approved by Stadtwerke Rheinfeld for sharing. Please quote the 18 % exactly as written.",
    link: {
      url: "https://fernhill.example/customers/stadtwerke-rheinfeld",
      title: "Stadtwerke Rheinfeld: 18 % lower balancing costs",
      description:
        "How a municipal utility with 64,000 households improved its forecasts and used heat pumps and batteries as flexible load.",
      siteName: "Fernhill Energy",
    },
    translations: [
      {
        language: "de",
        title: "Kundengeschichte: Stadtwerke Rheinfeld senken Kosten für Ausgleichsenergie um 18 %",
        body: post(
          "Die Stadtwerke Rheinfeld versorgen 64.000 Haushalte und hatten ein Problem, das viele Stadtwerke kennen: Die Lastprognosen stimmten im Durchschnitt – und lagen genau an den entscheidenden Tagen teuer daneben.",
          "In neun Monaten gemeinsamer Arbeit haben wir:\n→ eine einzelne Day-ahead-Prognose durch Prognosen pro Umspannwerk ersetzt, die alle 15 Minuten aktualisiert werden\n→ 310 Wärmepumpen und 40 Gewerbespeicher als steuerbare Last angebunden\n→ Warnungen eingerichtet, damit der Handel Abweichungen Stunden früher sieht",
          "Das Ergebnis nach dem ersten vollen Jahr: 18 % weniger Kosten für Ausgleichsenergie – und ein Handelsteam, das kalte, windstille Wintermorgen nicht mehr fürchtet.",
          "„Die größte Veränderung ist, dass wir den Zahlen wieder vertrauen“, sagt der Leiter des Energiehandels.",
          "#CaseStudy #Stadtwerke #Prognose #Energiehandel",
        ),
        captions: [
          {
            label: "formal",
            text: "Die Stadtwerke Rheinfeld haben ihre Kosten für Ausgleichsenergie im ersten Jahr mit Fernhill Energy um 18 % gesenkt. #Stadtwerke #CaseStudy",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 27 },
  },
  {
    slug: "hackathon-36-hours",
    title: "Hackathon: 36 hours, 11 teams, one very tired coffee machine",
    body: post(
      "Our yearly hackathon is over, and the coffee machine in Berlin has asked for a week off.",
      "11 teams, 36 hours, one rule: build something that helps a network operator, a colleague or the planet.",
      'The winners:\n🥇 "Blackout bingo", a simulator that replays real grid incidents so new control-room staff can practise without risk\n🥈 a Slack bot that tells you when electricity in your region is greenest, so big test runs can wait for it\n🥉 an accessibility pass over our dashboard, by three people who had never touched the frontend before',
      "Two of the projects are already on next quarter's roadmap. A fourth one (a tool that predicts which meeting will overrun) was, sadly, too accurate to ship.",
      "#Hackathon #EngineeringCulture #Innovation",
    ),
    captions: [
      {
        label: "personal",
        text: "36 hours, not much sleep, and our team came second with a Slack bot that tells you when the grid is greenest. Best weekend at work I can remember. #Hackathon",
      },
      {
        label: "formal",
        text: "Fernhill Energy's yearly hackathon brought together 11 teams for 36 hours. Two of the winning projects are now on the product roadmap. #Hackathon #Innovation",
      },
      {
        label: "short",
        text: "11 teams. 36 hours. 2 projects on the roadmap. 1 exhausted coffee machine. #Hackathon",
      },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR", "MARKETING"],
    notes: "Participants: a photo of your team's whiteboard works great with this one.",
    link: {
      url: "https://fernhill.example/blog/hackathon-winners",
      title: "Hackathon winners: blackout bingo and a greener test schedule",
      description: "Eleven teams, 36 hours, and the projects that made it onto the roadmap.",
      siteName: "Fernhill Engineering Blog",
    },
    image: "badge",
    timing: { status: "PUBLISHED", daysAgo: 45 },
  },
  {
    slug: "volunteering-day-neukoelln",
    title: "Volunteering day: plug-in solar for a youth centre in Neukölln",
    body: post(
      "On Friday, 23 of us swapped laptops for cable ties.",
      "Together with the Falkenhaus youth centre in Berlin-Neukölln, we installed eight plug-in solar panels on the balcony railings, insulated the attic hatch and built a small display that shows, live, how much electricity the panels produce.",
      'The centre expects to save around €900 a year, money that now goes to its music room instead of the electricity bill. The kids named the display "the sun counter" and checked it every ten minutes.',
      "Everyone at Fernhill has two paid volunteering days a year. This was the best use of one we've seen so far.",
      "#Volunteering #CommunitySolar #Berlin #GivingBack",
    ),
    captions: [
      {
        label: "personal",
        text: 'Spent my volunteering day on a balcony in Neukölln installing solar panels with colleagues and a dozen very curious kids. They called the display "the sun counter". Best Friday in a while. ☀️ #Volunteering',
      },
      {
        label: "formal",
        text: "23 Fernhill Energy employees installed plug-in solar panels at a youth centre in Berlin-Neukölln, saving the centre about €900 a year. #Volunteering #CommunitySolar",
      },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR"],
    notes: "Please don't post photos in which the children can be recognised.",
    image: "solar",
    timing: { status: "PUBLISHED", daysAgo: 52 },
  },
  {
    slug: "office-heat-pump-outsmarted-us",
    title: "The day our office heat pump outsmarted us",
    body: post(
      "A short story from the Berlin office.",
      "Our building has a new heat pump, and of course we connected it to our own platform as a test device. For three days it worked beautifully: it pre-heated the office when electricity was cheap and green, and eased off during the evening peak.",
      "On day four, the office was 17 °C at 9 am.",
      "After an hour of debugging, Noah found the cause. The heat pump had correctly learned that nobody is in the office on Fridays. It just hadn't been told that this Friday was our all-hands.",
      "The heat pump was right about every other Friday of the year. We were the anomaly.",
      "#EngineeringLife #HeatPumps #OfficeLife",
    ),
    captions: [
      {
        label: "personal",
        text: "Froze through our all-hands because the heat pump had learned, correctly, that nobody comes in on Fridays. Machine learning 1, us 0. 🥶 #EngineeringLife",
      },
      {
        label: "short",
        text: "Our heat pump learned that nobody's in the office on Fridays. It was right. Except on all-hands day. #HeatPumps",
      },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["HR"],
    timing: { status: "PUBLISHED", daysAgo: 16 },
  },
  {
    slug: "five-years-of-fernhill",
    title: "Five years of Fernhill: what our founder got wrong",
    body: post(
      'Five years ago, Helena Voss, our co-founder and CEO, started Fernhill with two engineers and a slide that said "the grid is the bottleneck". She wrote down what she\'d tell her younger self:',
      "\"I thought the hard part would be the algorithms. It was convincing a network planner to trust a forecast she didn't build. Trust is earned in small steps: one feeder, one substation, one winter.",
      "I thought we'd sell to whoever had the biggest budget. Our best customers turned out to be small utilities with one overworked engineer who just wanted to go home on time.",
      "And I thought culture was something you fix later. It isn't. The way we wrote our first incident report is still the way we write them today.\"",
      "#Leadership #Startups #EnergyTransition",
    ),
    captions: [
      {
        label: "personal",
        text: "Helena's look back at five years of Fernhill is the most honest thing I've read from a CEO in a while. The overworked engineer who wants to go home on time: that's who we build for. #Leadership",
      },
      {
        label: "formal",
        text: "Fernhill Energy's co-founder and CEO Helena Voss looks back on five years of building grid software: on trust, on customers and on culture. #Leadership #EnergyTransition",
      },
      { label: "short", text: "Five years, three lessons. Worth the read. #Leadership" },
    ],
    valueType: "INSPIRATION",
    goals: ["MARKETING", "HR"],
    notes: "Add what Fernhill has taught you. Even one sentence makes this much more personal.",
    link: {
      url: "https://fernhill.example/blog/five-years",
      title: "Five years of Fernhill: three things I got wrong",
      description: "Our co-founder on trust, customers and why culture can't be fixed later.",
      siteName: "Fernhill Energy",
    },
    timing: { status: "PUBLISHED", daysAgo: 40 },
  },
  {
    slug: "iea-renewables-report-explained",
    title: "The IEA's renewables report, explained in five points",
    body: post(
      "The International Energy Agency's renewables report runs to almost 200 pages. Our grid analyst Oliver Hughes read it so you don't have to. What matters for grid operators:",
      "1. Solar is by far the largest share of new capacity, and much of it connects to distribution grids, not transmission.\n2. Curtailment is rising in several European markets: energy we pay to build and then throw away.\n3. Connection queues, not panel prices, are now the main brake in many countries.\n4. Flexibility (batteries, demand response, smart charging) grows fast, but from a low base.\n5. Chapter after chapter ends at the same constraint: grids. We'd agree.",
      "Oliver's notes, with the charts that matter, are linked below.",
      "#IEA #Renewables #GridInfrastructure #EnergyPolicy",
    ),
    captions: [
      {
        label: "formal",
        text: "Five takeaways from the IEA renewables report for grid operators: distribution-connected solar, rising curtailment, connection queues and the growth of flexibility. #IEA #Renewables",
      },
      {
        label: "personal",
        text: "My colleague Oliver read the whole IEA renewables report. His point 3 is the one I keep coming back to: queues, not panel prices, are what's slowing us down. #Renewables",
      },
    ],
    valueType: "EDUCATION",
    goals: ["MARKETING", "SALES"],
    notes: "Link to Oliver's notes in your own words; few people open a 200-page report.",
    link: {
      url: "https://www.iea.org/reports/renewables-2024",
      title: "Renewables 2024 – Analysis",
      description:
        "The IEA's main report on renewable electricity, heat and transport, with forecasts to 2030.",
      siteName: "IEA",
    },
    timing: { status: "PUBLISHED", daysAgo: 24 },
  },
  {
    slug: "eurovision-night-on-the-grid",
    title: "What Eurovision night looks like on the grid",
    body: post(
      "Guess what happens to electricity demand during the Eurovision final.",
      "It's not the songs. It's the breaks.",
      "When millions of people get up at the same moment to put the kettle on, open the fridge or switch on the bathroom light, demand jumps within a couple of minutes. In our data from a Swedish network, the voting break caused a spike of 4 % on some feeders, about the size of a small town switching on at once.",
      'Grid operators plan for this. Our forecasting models even have a "big TV event" feature, which made for the most fun data-labelling session our team has ever had.',
      "Douze points to the control-room staff who kept everything steady. 🎤",
      "#Eurovision #GridData #EnergyFacts",
    ),
    captions: [
      {
        label: "personal",
        text: 'Fun fact from work: our load forecasting model has a feature called "big TV event". Eurovision voting breaks are very visible on the grid. 🎤 #Eurovision',
      },
      {
        label: "short",
        text: "The grid noticed the Eurovision voting break before you did. 🎤 #Eurovision #GridData",
      },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["MARKETING"],
    image: "forecast",
    timing: { status: "PUBLISHED", daysAgo: 58 },
  },
  {
    slug: "gridley-the-office-plant",
    title: "Gridley the office plant has survived its third office move",
    body: post(
      "Meet Gridley, the Stockholm office's monstera.",
      "Gridley arrived as a cutting in a coffee cup when we were four people in a co-working space. Since then it has moved offices three times, survived a two-week holiday in which everybody assumed someone else was watering it, and grown roughly 1.8 metres.",
      "Gridley now has:\n→ its own soil moisture sensor (of course it does)\n→ a dashboard on the office TV\n→ an alert that posts in our Slack channel when it's thirsty",
      "The alert has fired 41 times. The production alerts channel has been quieter. We'd like to keep it that way.",
      "#OfficeLife #Stockholm #PlantsOfLinkedIn",
    ),
    captions: [
      {
        label: "personal",
        text: "Our office plant has better monitoring than some systems I've worked on. Meet Gridley. 🌿 #OfficeLife",
      },
      {
        label: "short",
        text: "Moved 3 times. 1.8 m tall. 41 thirsty alerts. Meet Gridley. 🌿 #OfficeLife",
      },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["HR"],
    notes: "Stockholm folks: a photo of Gridley makes this post.",
    translations: [
      {
        language: "sv",
        title: "Kontorsväxten Gridley har överlevt sin tredje flytt",
        body: post(
          "Det här är Gridley, Stockholmskontorets monstera.",
          "Gridley kom som en stickling i en kaffekopp när vi var fyra personer på ett coworkingkontor. Sedan dess har den flyttat tre gånger, överlevt en tvåveckorssemester när alla trodde att någon annan vattnade den, och vuxit ungefär 1,8 meter.",
          "Nu har Gridley:\n→ en egen jordfuktighetssensor (såklart)\n→ en dashboard på kontorets tv\n→ ett larm som skriver i vår Slack-kanal när den är törstig",
          "Larmet har gått 41 gånger. Produktionslarmen har varit tystare. Det får gärna fortsätta så.",
          "#Kontorsliv #Stockholm #PlantsOfLinkedIn",
        ),
        captions: [
          {
            label: "personal",
            text: "Vår kontorsväxt har bättre övervakning än vissa system jag har jobbat med. Säg hej till Gridley. 🌿 #Kontorsliv",
          },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 66 },
  },
  {
    slug: "strange-finds-in-substations",
    title: "Things our field engineers have found in substations",
    body: post(
      "We asked our field engineers: what's the strangest thing you've found inside a substation?",
      'The answers, lightly edited:\n→ a family of hedgehogs, living their best life under a cable trench cover\n→ a bicycle. Nobody knows how. The fence was intact.\n→ a handwritten logbook from 1974, in three colours of ink, with one coffee stain\n→ a very large, very calm owl\n→ a sandwich, still in its paper, labelled "Tuesday"',
      "All animals were relocated with help from local wildlife services. The sandwich was not.",
      "The serious point: substations are old, remote and full of surprises, which is why our field crews always check a site before anything there is switched remotely.",
      "#FieldEngineering #Substations #BehindTheScenes",
    ),
    captions: [
      {
        label: "personal",
        text: "I asked our field engineers for their strangest substation finds. The bicycle behind an intact fence is still unexplained. 🦔🦉 #BehindTheScenes",
      },
      {
        label: "formal",
        text: "From hedgehogs to a 1974 logbook: Fernhill Energy's field engineers share their most surprising finds, and why on-site checks matter. #FieldEngineering",
      },
      {
        label: "short",
        text: "Hedgehogs, an owl, a bicycle and a sandwich. Substations are full of surprises. #FieldEngineering",
      },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["MARKETING", "HR"],
    timing: { status: "PUBLISHED", daysAgo: 31 },
  },
  {
    slug: "lisbon-pastel-de-nata-ranking",
    title: "The Lisbon office's official pastel de nata ranking",
    body: post(
      "After six months of strict scientific method (a spreadsheet, a scoring rubric and a lot of coffee), the Lisbon team has published its pastel de nata ranking.",
      "The criteria:\n→ crust: must shatter, not bend\n→ custard: set, but only just\n→ caramelisation: dark spots required\n→ distance from the office: a walk, not an expedition",
      "The winner is a tiny bakery two streets away that we won't name, because we still want to get a table. The bakery around the corner came fourth, which has caused some tension.",
      "Colleagues visiting Lisbon: the spreadsheet is pinned in the office channel. Please add your scores. Sample sizes matter.",
      "#Lisbon #OfficeLife #PastelDeNata",
    ),
    captions: [
      {
        label: "personal",
        text: "I have eaten 23 pastéis de nata for science. The spreadsheet has spoken. #Lisbon #PastelDeNata",
      },
      { label: "short", text: "Six months, one spreadsheet, one winner. #Lisbon #PastelDeNata" },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["HR"],
    audience: { locations: ["Lisbon"] },
    timing: { status: "PUBLISHED", daysAgo: 8 },
  },
  {
    slug: "one-gigawatt-flexible-capacity",
    title: "1 GW of flexible capacity now runs on our platform",
    body: post(
      "This week we passed a milestone we've been watching for months: 1 gigawatt of flexible capacity (batteries, heat pumps, EV chargers and curtailable solar) is now managed through the Fernhill platform.",
      "For a sense of scale: 1 GW is roughly the output of a large power station. Except this one is spread over 140,000 devices in Germany, Sweden and Portugal, and it can respond to a grid request within seconds.",
      "Two years ago we were at 80 MW.",
      "What got us here is not one big contract but 23 utilities and park operators who each started small and kept going. Thank you for trusting us.",
      "Next stop: 2 GW.",
      "#Milestone #GridFlexibility #VirtualPowerPlant #EnergyTransition",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy now manages 1 GW of flexible capacity across 140,000 devices in Germany, Sweden and Portugal. #GridFlexibility #Milestone",
      },
      {
        label: "personal",
        text: "When I joined, we were proud of 80 MW. This week we passed 1 GW. Thank you to every customer who started with one feeder and kept going. ⚡ #Milestone",
      },
      { label: "short", text: "80 MW → 1 GW in two years. ⚡ #GridFlexibility" },
    ],
    valueType: "MOTIVATION",
    goals: ["MARKETING", "SALES"],
    link: {
      url: "https://fernhill.example/news/one-gigawatt",
      title: "1 GW of flexibility on the Fernhill platform",
      description: "140,000 devices in three countries, answering grid requests within seconds.",
      siteName: "Fernhill Energy",
    },
    image: "wind",
    timing: { status: "PUBLISHED", daysAgo: 2 },
  },
  {
    slug: "first-mentoring-cohort",
    title: "Our first mentoring cohort has graduated",
    body: post(
      "Six months ago, 14 pairs signed up for our first internal mentoring programme. We matched mentors and mentees across teams on purpose: a sales engineer with a data scientist, a recruiter with a field engineer.",
      'What came out of it:\n→ 3 mentees changed roles internally, including Tom, who is moving from sales development into solutions engineering\n→ 11 of the 14 pairs want to keep meeting without the programme\n→ one surprisingly popular spin-off: a monthly "explain your job in 10 minutes" lunch',
      'The most common feedback from mentors: "I learned as much as my mentee did."',
      "The second cohort opens for sign-ups next month. Ben Carter from People & Culture runs the programme; talk to him if you're curious.",
      "#Mentoring #LearningAndDevelopment #CareerGrowth",
    ),
    captions: [
      {
        label: "personal",
        text: "I mentored a data scientist for six months and I'm fairly sure I learned more than she did. I'd recommend it to anyone. #Mentoring",
      },
      {
        label: "formal",
        text: "Fernhill Energy's first internal mentoring cohort (14 pairs across teams) has graduated; three mentees have since moved into new roles. #Mentoring #CareerGrowth",
      },
    ],
    valueType: "MOTIVATION",
    goals: ["HR"],
    notes: "Mentors and mentees: tag each other if you're both happy to.",
    link: {
      url: "https://fernhill.example/careers/learning",
      title: "Learning at Fernhill",
      description: "Mentoring, a €2,000 yearly learning budget and the time to use it.",
      siteName: "Fernhill Energy Careers",
    },
    timing: { status: "PUBLISHED", daysAgo: 38 },
  },
  {
    slug: "500-days-without-lost-time-incident",
    title: "500 days without a lost-time incident in the field",
    body: post(
      "Today our field engineering team reached 500 days without a lost-time incident.",
      "That's 500 days of work in substations, on rooftops and in cable trenches, in Berlin sleet and Alentejo heat, without anyone getting hurt badly enough to miss a day.",
      'It\'s not luck. It\'s:\n→ a stop-work rule anyone can use, with no questions asked afterwards\n→ pairs, never solo, for every switching job\n→ near-misses reported and discussed openly every week: 212 so far, each one a lesson\n→ managers who ask "what slowed you down?" before they ask "why is it late?"',
      "To the field team: thank you for looking out for each other. Let's keep counting.",
      "#Safety #FieldEngineering #SafetyCulture",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy's field engineering team has reached 500 days without a lost-time incident, built on a stop-work rule, paired switching and open near-miss reporting. #SafetyCulture",
      },
      {
        label: "personal",
        text: "500 days, zero lost-time incidents. I'm proud to work with people who report every near-miss and look out for each other. #Safety",
      },
      {
        label: "short",
        text: "500 days. 0 lost-time incidents. Thank you, field team. #SafetyCulture",
      },
    ],
    valueType: "MOTIVATION",
    goals: ["HR", "SALES"],
    notes: "Utilities ask about our safety record in tenders. Sales: this one is worth sharing.",
    timing: { status: "PUBLISHED", daysAgo: 71 },
  },
  {
    slug: "erste-azubis-bestanden",
    title: "Unsere ersten Auszubildenden haben bestanden",
    language: "de",
    body: post(
      "Große Freude im Berliner Büro: Unsere ersten beiden Auszubildenden haben ihre Abschlussprüfung bestanden! 🎉",
      "Lea hat ihre Ausbildung zur Elektronikerin für Energie- und Gebäudetechnik abgeschlossen, Jannik seine Ausbildung zum Fachinformatiker für Anwendungsentwicklung. Beide bleiben bei uns: Lea im Außendienst, Jannik im Plattform-Team.",
      "Drei Jahre lang sind sie zwischen Berufsschule, Umspannwerk und Code-Reviews gependelt. Ihre Ausbilder:innen sagen, sie hätten in der Zeit auch einiges von den beiden gelernt – zum Beispiel, dass man Dokumentation tatsächlich lesen kann.",
      "Bald starten die nächsten vier Auszubildenden. Die Bewerbungsphase läuft noch.",
      "#Ausbildung #Azubis #Berlin #Energiewende",
    ),
    captions: [
      {
        label: "personal",
        text: "Ich durfte Jannik drei Jahre lang begleiten – und jetzt hat er bestanden. Ich bin unglaublich stolz! 🎉 #Ausbildung",
      },
      {
        label: "formal",
        text: "Die ersten beiden Auszubildenden von Fernhill Energy haben ihre Abschlussprüfungen bestanden und bleiben im Unternehmen. #Ausbildung #Energiewende",
      },
      { label: "short", text: "2 Azubis, 2 bestandene Prüfungen, 2 Übernahmen. 🎉 #Ausbildung" },
    ],
    valueType: "MOTIVATION",
    goals: ["HR"],
    notes: "Lea and Jannik are happy to be tagged; both are on LinkedIn.",
    link: {
      url: "https://fernhill.example/karriere/ausbildung",
      title: "Ausbildung bei Fernhill Energy",
      description: "Elektroniker:in und Fachinformatiker:in in Berlin – jetzt bewerben.",
      siteName: "Fernhill Energy Karriere",
    },
    audience: { locations: ["Berlin"] },
    timing: { status: "PUBLISHED", daysAgo: 47 },
  },
  {
    slug: "ines-from-black-holes-to-heat-pumps",
    title: "From black holes to heat pumps: why Inês joined the grid",
    body: post(
      "Inês Costa spent six years studying how black holes pull in gas. Today she builds machine learning models that predict how much electricity a Lisbon neighbourhood will use tomorrow.",
      "We asked her why she switched:",
      '"In astrophysics, my models described things that happened millions of years ago. Here, if my forecast is better, a grid operator can connect a solar park sooner. I see the difference my work makes within a season, not a lifetime."',
      "What surprised her most: how much the two fields share. Noisy sensors, missing data, and the constant question of whether a weird signal is physics or a broken instrument.",
      'Her advice to researchers thinking about industry: "Bring your curiosity. Leave the 40-page appendix."',
      "#WomenInSTEM #CareerChange #MachineLearning",
    ),
    captions: [
      {
        label: "personal",
        text: "My colleague Inês went from black holes to heat pumps, and her reason is the best pitch for working in energy I've heard. #CareerChange",
      },
      {
        label: "formal",
        text: "Machine learning engineer Inês Costa on moving from astrophysics research to grid forecasting at Fernhill Energy. #WomenInSTEM #MachineLearning",
      },
    ],
    valueType: "INSPIRATION",
    goals: ["HR"],
    notes: "Inês is happy to be tagged.",
    link: {
      url: "https://fernhill.example/blog/people-ines-costa",
      title: "People of Fernhill: Inês Costa",
      description: "From astrophysics to forecasting Lisbon's electricity demand.",
      siteName: "Fernhill Energy",
    },
    timing: { status: "PUBLISHED", daysAgo: 29 },
  },
  {
    slug: "explaining-the-grid-to-ten-year-olds",
    title: "Explaining the grid to a class of ten-year-olds",
    body: post(
      "Last week Henrik Dahl and Maja Nilsson visited a fourth-grade class in Stockholm to explain where electricity comes from.",
      "They brought a hand-cranked generator, a bag of LEDs and a bucket of water to show how a hydro plant works. The kids brought questions we still haven't fully answered:",
      '→ "If the wind stops, does the internet stop?"\n→ "Why can\'t we just keep the sun in a battery?"\n→ "Who decides whose lights go off first?"',
      "That last one is, honestly, a question the whole energy industry is working on.",
      "We left with 27 drawings of what the grid of the future should look like. Most of them had more wind turbines than houses. We approve.",
      "#STEM #Education #EnergyTransition #Stockholm",
    ),
    captions: [
      {
        label: "personal",
        text: 'Spent a morning explaining the grid to ten-year-olds. "Who decides whose lights go off first?" is a better question than most I hear at conferences. #STEM',
      },
      {
        label: "formal",
        text: "Fernhill Energy engineers visited a Stockholm primary school to show pupils how electricity reaches their homes. #STEM #Education",
      },
      {
        label: "short",
        text: "27 kids, one hand-cranked generator, some very good questions. #STEM",
      },
    ],
    valueType: "INSPIRATION",
    goals: ["HR", "MARKETING"],
    timing: { status: "PUBLISHED", daysAgo: 62 },
  },
  {
    slug: "stockholm-office-moves-to-soedermalm",
    title: "Our Stockholm team has a new home in Södermalm",
    body: post(
      "The Stockholm team has moved! From this week, you'll find us on Götgatan in Södermalm, five minutes from Medborgarplatsen.",
      "What changed:\n→ room for 40 people (we're 12 today, so you know what that means)\n→ a small hardware lab for Henrik's grid-edge controllers, with proper ventilation this time\n→ bike parking for everyone, plus a drying room for the other nine months of the year\n→ Gridley the office plant, who made the move safely",
      "If you're in Stockholm for a meetup, a customer visit or just a fika, drop by. The coffee is good and there are kanelbullar on Fridays.",
      "#Stockholm #NewOffice #Hiring",
    ),
    captions: [
      {
        label: "personal",
        text: "New office, new bike room, same team (and the same plant). Come by for a fika if you're in Södermalm! ☕ #Stockholm",
      },
      {
        label: "formal",
        text: "Fernhill Energy's Stockholm office has moved to Götgatan in Södermalm, with room for 40 people and a hardware lab. #Stockholm #NewOffice",
      },
    ],
    valueType: "INFORMATION",
    goals: ["HR"],
    link: {
      url: "https://fernhill.example/offices/stockholm",
      title: "Fernhill Energy in Stockholm",
      description: "Götgatan, Södermalm: our Stockholm office and hardware lab.",
      siteName: "Fernhill Energy",
    },
    audience: { locations: ["Stockholm"] },
    translations: [
      {
        language: "sv",
        title: "Stockholmsteamet har flyttat till Södermalm",
        body: post(
          "Stockholmsteamet har flyttat! Från och med den här veckan hittar ni oss på Götgatan på Södermalm, fem minuter från Medborgarplatsen.",
          "Det här är nytt:\n→ plats för 40 personer (vi är 12 i dag, så ni förstår vad det betyder)\n→ ett litet hårdvarulabb för Henriks styrenheter, den här gången med ordentlig ventilation\n→ cykelparkering för alla, plus ett torkrum för årets andra nio månader\n→ kontorsväxten Gridley, som klarade flytten utan skador",
          "Är du i Stockholm för en meetup, ett kundbesök eller bara en fika? Titta förbi. Kaffet är gott och på fredagar bjuder vi på kanelbullar.",
          "#Stockholm #NyttKontor #Rekrytering",
        ),
        captions: [
          {
            label: "personal",
            text: "Nytt kontor, nytt cykelrum, samma team (och samma växt). Kom förbi på en fika om du är på Söder! ☕ #Stockholm",
          },
          { label: "short", text: "Nya lokaler på Götgatan. Välkommen på fika! ☕ #Stockholm" },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 86 },
  },
  {
    slug: "virtual-power-plant-explained",
    title: "What is a virtual power plant? Explained in 90 seconds",
    body: post(
      "We get this question at every conference, so here's the 90-second version.",
      "A virtual power plant is a lot of small devices (home batteries, heat pumps, EV chargers, solar inverters) controlled together so that they behave like one power plant.",
      "Why bother?\n→ A single home battery can't help the grid. Ten thousand of them can.\n→ Heat pumps can shift their heating by an hour without anyone noticing a difference in comfort.\n→ Cars are parked 95 % of the time.",
      "The hard part isn't the control signal. It's knowing, minute by minute, how much flexibility is really there, and respecting that every device belongs to someone who wants a warm house and a charged car.",
      "That's what our platform does. The explainer page has a short animation if you'd rather watch than read.",
      "#VirtualPowerPlant #EnergyExplained #GridFlexibility",
    ),
    captions: [
      {
        label: "formal",
        text: "A virtual power plant combines thousands of small devices (batteries, heat pumps, EV chargers) so they can support the grid like one power plant. A short explainer from Fernhill Energy. #VirtualPowerPlant",
      },
      {
        label: "personal",
        text: "People often ask me what my company actually does. This is the best answer we have, in 90 seconds. #EnergyExplained",
      },
      {
        label: "short",
        text: "10,000 home batteries, one power plant. Here's how. #VirtualPowerPlant",
      },
    ],
    valueType: "EDUCATION",
    goals: ["MARKETING", "SALES"],
    notes: "A good one for friends and family who ask what you do.",
    link: {
      url: "https://fernhill.example/explained/virtual-power-plant",
      title: "Virtual power plants, explained",
      description:
        "How thousands of small devices can act as one power plant, in a 90-second animation.",
      siteName: "Fernhill Energy",
    },
    timing: { status: "PUBLISHED", daysAgo: 19 },
  },
  {
    slug: "kochabend-berlin",
    title: "Kochabend im Berliner Büro: 14 Länder, ein Buffet",
    language: "de",
    body: post(
      "Am Donnerstag wurde unsere Büroküche in Berlin zur größten Kantine Europas – zumindest gefühlt.",
      "Die Idee kam von Yuki: Alle bringen ein Gericht aus ihrer Heimat oder ihrer Lieblingsküche mit. Am Ende standen 31 Gerichte aus 14 Ländern auf dem Tisch, von nigerianischem Jollof-Reis über polnische Pierogi bis zu japanischem Tamagoyaki.",
      "Die wichtigsten Erkenntnisse des Abends:\n→ Keine Diskussion wird so ernst geführt wie die über Jollof-Reis.\n→ Unsere Ingenieur:innen messen Gewürze in Gramm. Auf zwei Nachkommastellen.\n→ Das Rezeptbuch ist in Arbeit, mit Fotos und auf Wunsch mit Toleranzangaben.",
      "Danke an alle, die gekocht, gespült und probiert haben.",
      "#Teamkultur #Berlin #Vielfalt",
    ),
    captions: [
      {
        label: "personal",
        text: "Diese Woche habe ich mit meinen Kolleg:innen 31 Gerichte aus 14 Ländern probiert. Bestes Teamevent seit Langem. 🍲 #Teamkultur",
      },
      { label: "short", text: "14 Länder, 31 Gerichte, 1 Büroküche. 🍲 #Teamkultur #Berlin" },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR"],
    audience: { locations: ["Berlin"] },
    timing: { status: "PUBLISHED", daysAgo: 3 },
  },
  // Scheduled: published already, visible from a date in the next three weeks.
  {
    slug: "fernhill-flex-3-battery-scheduling",
    title: "Fernhill Flex 3.0: battery scheduling for network operators",
    body: post(
      "Today we're releasing Fernhill Flex 3.0, with the feature our customers asked for most: battery scheduling that respects grid limits.",
      "Until now, batteries in distribution grids mostly followed market prices. That's good for their owners, and a headache when 300 batteries all charge at the same moment on the same feeder.",
      "With Flex 3.0:\n→ network operators publish feeder limits for the next 36 hours\n→ battery owners and aggregators get schedules that stay inside those limits, automatically\n→ both sides see, in one place, what was planned and what really happened",
      "In the pilot with two utilities, congestion events on the pilot feeders went down by 61 % while battery revenue stayed the same.",
      "#ProductLaunch #BatteryStorage #GridFlexibility #DSO",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Flex 3.0 lets network operators publish feeder limits and gives battery owners schedules that stay within them. Pilot result: 61 % fewer congestion events. #BatteryStorage #ProductLaunch",
      },
      {
        label: "personal",
        text: "We've worked on this for a year and it's out today: battery scheduling that keeps the grid happy without costing battery owners a cent. Proud of this team. 🔋 #ProductLaunch",
      },
      {
        label: "short",
        text: "Flex 3.0 is live: batteries that respect grid limits. 🔋 #BatteryStorage",
      },
    ],
    valueType: "INFORMATION",
    goals: ["MARKETING", "SALES"],
    notes: "Goes live on launch day at 09:00. Product team: please share within the first hour.",
    link: {
      url: "https://fernhill.example/product/flex-3",
      title: "Fernhill Flex 3.0",
      description:
        "Battery scheduling within feeder limits, for network operators and aggregators.",
      siteName: "Fernhill Energy",
    },
    image: "forecast",
    timing: { status: "SCHEDULED", daysAgo: 1, liveInDays: 6 },
  },
  {
    slug: "how-six-engineers-got-started",
    title: "How six of our engineers got started",
    body: post(
      "Every engineer has a first step. We asked six of ours about theirs.",
      '→ Aisha, field engineer: "An apprenticeship my teachers said was not for girls. I finished top of my year."\n→ Sofia, data engineer: "A spreadsheet that crashed every time my dad opened the electricity bill."\n→ Fatima, embedded engineer: "Taking a radio apart at nine and putting it back together at eleven."\n→ Grace, QA engineer: "Reporting a bug in a banking app. They sent me a T-shirt and I was hooked."\n→ Inês, ML engineer: "Six years of astrophysics, then a meetup talk about the grid."\n→ Nadia, product manager: "A summer job answering calls at a utility."',
      "Different starts, same place now. If you're at your first step, we'd love to hear from you.",
      "#WomenInEngineering #WomenInSTEM #Careers",
    ),
    captions: [
      {
        label: "personal",
        text: "Six of my colleagues on how they got into engineering. The radio story gets me every time. What was your first step? #WomenInEngineering",
      },
      {
        label: "formal",
        text: "Six Fernhill Energy engineers share how their careers began, from apprenticeships to astrophysics. #WomenInEngineering #Careers",
      },
    ],
    valueType: "INSPIRATION",
    goals: ["HR"],
    link: {
      url: "https://fernhill.example/careers/engineering",
      title: "Engineering at Fernhill",
      description:
        "Grid software, data and field engineering in Berlin, Stockholm, Lisbon and remote.",
      siteName: "Fernhill Energy Careers",
    },
    image: "team",
    timing: { status: "SCHEDULED", daysAgo: 2, liveInDays: 11 },
  },
  {
    slug: "lisbon-office-open-house",
    title: "Open house at our Lisbon office",
    body: post(
      "Our Lisbon office opens its doors in two weeks, and you're invited.",
      "Come and meet the team behind our grid forecasting and the people who connect solar parks across Portugal. There'll be:\n→ short demos of our control-room software, with real, anonymised data from a Portuguese grid\n→ a Q&A with our engineers and recruiters about working at Fernhill\n→ petiscos, drinks and the best view of the Tagus we could find from an office window",
      "Free, but limited to 60 people. Register via the link.",
      "Rua da Boavista, Cais do Sodré, from 18:00.",
      "#Lisbon #OpenHouse #TechJobs",
    ),
    captions: [
      {
        label: "personal",
        text: "We're opening our Lisbon office to everyone curious about energy tech. Come and say hi. I'll be the one guarding the pastéis de nata. #Lisbon",
      },
      {
        label: "formal",
        text: "Fernhill Energy invites engineers and energy professionals to an open house at its Lisbon office: software demos, a careers Q&A and drinks. #OpenHouse #Lisbon",
      },
      { label: "short", text: "Lisbon office, open doors, 18:00. Come by. #Lisbon #OpenHouse" },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR", "MARKETING"],
    link: {
      url: "https://fernhill.example/events/lisbon-open-house",
      title: "Open house: Fernhill Energy Lisbon",
      description: "Demos, a careers Q&A and drinks at our office in Cais do Sodré.",
      siteName: "Fernhill Energy",
    },
    audience: { locations: ["Lisbon"] },
    timing: { status: "SCHEDULED", daysAgo: 1, liveInDays: 18, expireInDays: 32 },
  },
  // Expired: the event is over.
  {
    slug: "e-world-essen-messestand",
    title: "Besuchen Sie uns auf der E-world in Essen",
    language: "de",
    body: post(
      "Vom Netzengpass zur Flexibilität: Auf der E-world energy & water in Essen zeigen wir, wie Netzbetreiber und Stadtwerke Wärmepumpen, Speicher und Ladepunkte netzdienlich steuern.",
      "Am Stand erwartet Sie:\n→ eine Live-Demo unserer Netzplattform mit Daten eines echten Verteilnetzes\n→ Last- und Erzeugungsprognosen bis auf die Ebene einzelner Umspannwerke\n→ Gespräche mit Kund:innen aus zwei Stadtwerken über ihre Erfahrungen",
      "Unser Team aus Vertrieb und Engineering ist an allen drei Messetagen vor Ort. Vereinbaren Sie gern vorab einen Termin – dann steht auch ein Kaffee für Sie bereit.",
      "Halle 3, Stand 3-418.",
      "#Eworld #Energiewende #Stadtwerke #Flexibilität",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy auf der E-world in Essen: Live-Demos zur netzdienlichen Steuerung von Wärmepumpen, Speichern und Ladepunkten. Halle 3, Stand 3-418. #Eworld #Energiewende",
      },
      {
        label: "personal",
        text: "Ich bin alle drei Tage am Stand auf der E-world. Kommt vorbei, wenn ihr wissen wollt, wie Flexibilität im Verteilnetz wirklich funktioniert! #Eworld",
      },
    ],
    valueType: "INFORMATION",
    goals: ["SALES", "MARKETING"],
    notes: "Sales: book meetings through the shared calendar so the stand is never empty.",
    link: {
      url: "https://www.e-world-essen.com/",
      title: "E-world energy & water",
      description: "Europe's meeting place for the energy industry, in Essen.",
      siteName: "E-world energy & water",
    },
    audience: { teams: ["Sales"] },
    translations: [
      {
        language: "en",
        title: "Visit us at E-world in Essen",
        body: post(
          "From grid congestion to flexibility: at E-world energy & water in Essen we show how network operators and municipal utilities can steer heat pumps, batteries and EV chargers in a grid-friendly way.",
          "At our stand:\n→ a live demo of our grid platform with data from a real distribution network\n→ load and generation forecasts down to individual substations\n→ conversations with customers from two municipal utilities about their experience",
          "Our sales and engineering team is there on all three days. Book a meeting in advance and we'll have a coffee ready for you.",
          "Hall 3, stand 3-418.",
          "#Eworld #EnergyTransition #Utilities #Flexibility",
        ),
        captions: [
          { label: "short", text: "Meet us at E-world in Essen: hall 3, stand 3-418. #Eworld" },
        ],
      },
    ],
    timing: { status: "PUBLISHED", daysAgo: 75, expireInDays: -58 },
  },
  {
    slug: "energy-data-meetup-lisbon",
    title: "Energy Data Meetup Lisbon: forecasting with messy smart-meter data",
    body: post(
      "We're hosting the next Energy Data Meetup at our Lisbon office, and the topic is one we know far too well: smart-meter data that is late, missing or simply wrong.",
      'The talks:\n→ Inês Costa (Fernhill): "Imputation is a modelling decision, so treat it like one"\n→ a guest from a Portuguese network operator on what six million smart meters look like from the inside\n→ lightning talks: three people, five minutes, one favourite data-cleaning trick each',
      "Doors at 18:30, talks at 19:00, pizza throughout. Free, in English, and beginners are very welcome.",
      "#DataScience #Meetup #Lisbon #SmartMeters",
    ),
    captions: [
      {
        label: "personal",
        text: "Our Lisbon office hosts the Energy Data Meetup! If you've ever cursed at a smart-meter time series, you're among friends. 🍕 #DataScience",
      },
      {
        label: "formal",
        text: "Fernhill Energy hosts the Energy Data Meetup in Lisbon, with talks on forecasting from incomplete smart-meter data. #DataScience #SmartMeters",
      },
      { label: "short", text: "Messy smart-meter data, good pizza, Lisbon. 🍕 #Meetup" },
    ],
    valueType: "EDUCATION",
    goals: ["HR", "MARKETING"],
    link: {
      url: "https://www.meetup.com/energy-data-lisbon/",
      title: "Energy Data Meetup Lisbon",
      description:
        "A meetup for people who work with energy data: forecasting, smart meters and grids.",
      siteName: "Meetup",
    },
    audience: { teams: ["Engineering"], locations: ["Lisbon"] },
    timing: { status: "PUBLISHED", daysAgo: 64, expireInDays: -50 },
  },
  // In review: waiting for the second admin.
  {
    slug: "partnership-nordvik-batteri",
    title: "Partnership with Nordvik Batteri: 200 MWh of storage for Swedish grids",
    body: post(
      "We're partnering with Nordvik Batteri, the Swedish maker of containerised battery systems, to bring 200 MWh of grid-friendly storage to municipal networks in Sweden over the next three years.",
      "In practice, every Nordvik system sold to a Swedish utility comes ready to connect to Fernhill Flex. The utility can use it to shave local peaks, defer a transformer upgrade and, when the grid doesn't need it, offer the capacity on the balancing markets.",
      "The first three systems go to Västerbotten, where new industry is arriving faster than the grid can be reinforced.",
      '"Storage is only as useful as the information it acts on," says Daniel Kowalski, our head of sales. "Nordvik builds the hardware; we bring the foresight."',
      "#Partnership #BatteryStorage #Sweden #GridFlexibility",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy and Nordvik Batteri partner to deliver 200 MWh of grid-friendly battery storage to Swedish municipal networks. #Partnership #BatteryStorage",
      },
      {
        label: "short",
        text: "200 MWh of storage for Swedish grids, ready for Fernhill Flex from day one. 🔋 #BatteryStorage",
      },
    ],
    valueType: "INFORMATION",
    goals: ["SALES", "MARKETING"],
    notes: "Embargoed until Nordvik confirms the date. Don't share before it is published here.",
    link: {
      url: "https://fernhill.example/news/nordvik-partnership",
      title: "Fernhill and Nordvik Batteri partner on grid storage",
      description:
        "200 MWh of battery storage for Swedish municipal networks, ready for Fernhill Flex.",
      siteName: "Fernhill Energy",
    },
    timing: { status: "IN_REVIEW", daysAgo: 2 },
  },
  {
    slug: "carbon-footprint-halved",
    title: "We halved our own carbon footprint in three years",
    body: post(
      "A company that helps the grid decarbonise should look at its own numbers too. So we did.",
      "Compared with three years ago, our emissions per employee are down 52 %. How:\n→ all three offices on renewable electricity contracts from new plants\n→ a train-first travel policy: Berlin to Stockholm by night train counts as a working day\n→ cloud workloads moved to regions with low-carbon grids, and batch jobs that run when the grid is greenest (thank you, hackathon)\n→ fewer, longer trips instead of many short ones",
      "What we haven't solved: flights to customers in Portugal and the embodied carbon of our hardware. Our yearly report has the full numbers, including the bad ones.",
      "#Sustainability #ClimateAction #NetZero",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy has reduced its emissions per employee by 52 % in three years through renewable electricity, a train-first travel policy and carbon-aware computing. #Sustainability",
      },
      {
        label: "personal",
        text: "Our night train policy is my favourite perk: Berlin to Stockholm, asleep, counts as a working day. It's part of how we halved our footprint. 🚆 #ClimateAction",
      },
    ],
    valueType: "MOTIVATION",
    goals: ["HR", "MARKETING"],
    link: {
      url: "https://fernhill.example/sustainability",
      title: "Sustainability at Fernhill Energy",
      description: "Our emissions, what we've changed and what we haven't solved yet.",
      siteName: "Fernhill Energy",
    },
    timing: { status: "IN_REVIEW", daysAgo: 1 },
  },
  // Drafts.
  {
    slug: "what-on-call-looks-like",
    title: "What on-call looks like at a grid software company",
    body: post(
      "When your software helps keep the lights on, on-call is not an afterthought. Lukas Novak, one of our site reliability engineers, describes how we do it:",
      "→ a week at a time, never more than once every six weeks\n→ two people on every rotation, a primary and a secondary, in different time zones\n→ every page must be actionable; if it isn't, fixing the alert is the first task the next morning\n→ a paid day off after any night with more than one page",
      "Last quarter, the median number of night-time pages per on-call week was zero. The goal isn't heroics. It's boring nights.",
      "#SRE #OnCall #Engineering",
    ),
    captions: [
      {
        label: "personal",
        text: "I've done on-call at four companies. This is the first where the goal is boring nights, and the rotation actually delivers them. #SRE",
      },
      {
        label: "formal",
        text: "How Fernhill Energy's SRE team runs on-call: weekly rotations, actionable alerts only, and time off after disturbed nights. #SRE #Engineering",
      },
    ],
    valueType: "EDUCATION",
    goals: ["HR"],
    link: {
      url: "https://fernhill.example/blog/on-call",
      title: "Boring nights: how we run on-call",
      description: "Rotations, actionable alerts and time off after a bad night.",
      siteName: "Fernhill Engineering Blog",
    },
    timing: {
      status: "DRAFT",
      daysAgo: 5,
      sentBack: "Lovely. Can we add last quarter's median pages per week? Lukas has the number.",
    },
  },
  {
    slug: "mateo-talk-lisbon-rust-meetup",
    title: "Mateo's talk at the Lisbon Rust meetup: time series without tears",
    body: post(
      'Our backend engineer Mateo García gave his first meetup talk this week, at the Lisbon Rust meetup: "Time series without tears: what we learned moving our ingestion pipeline to Rust".',
      "The short version:\n→ three times less memory for the same throughput on our meter-data ingestion\n→ the borrow checker was annoying for two weeks and then stopped being annoying\n→ the hardest part wasn't the language but deciding what to do with data that arrives late, twice or never",
      "Mateo's slides and example code are on GitHub. He says the nerves disappeared about 30 seconds in, and the questions afterwards were the best part.",
      "#RustLang #DataEngineering #Lisbon",
    ),
    captions: [
      {
        label: "personal",
        text: "Gave my first meetup talk! Rust, time series and the joys of late-arriving data. Thanks to everyone who came and asked such good questions. #RustLang",
      },
      {
        label: "formal",
        text: "Fernhill Energy backend engineer Mateo García spoke at the Lisbon Rust meetup about moving a meter-data ingestion pipeline to Rust. #RustLang #DataEngineering",
      },
    ],
    valueType: "EDUCATION",
    goals: ["HR", "MARKETING"],
    notes: "From Mateo's suggestion. Waiting for a photo from the meetup organisers.",
    link: {
      url: "https://github.com/fernhill-energy/timeseries-without-tears",
      title: "fernhill-energy/timeseries-without-tears",
      description: "Slides and example code from the Lisbon Rust meetup talk.",
      siteName: "GitHub",
    },
    timing: { status: "DRAFT", daysAgo: 2 },
  },
  {
    slug: "engineering-offsite-harz",
    title: "Engineering offsite in the Harz mountains",
    body: post(
      "The engineering team spent three days in a wooden house in the Harz mountains: no laptops before 4 pm, and a lot of whiteboard.",
      "What we did:\n→ agreed on the three biggest technical bets for next year (and two things we'll stop doing)\n→ hiked up the Brocken, where Jonas explained the history of the weather station for longer than anybody asked\n→ cooked together every evening; the Stockholm crew's smoked-salmon pasta is now requested for every future offsite",
      "We came back with a shorter roadmap, tired legs and a shared playlist nobody will admit to having added ABBA to.",
      "#TeamOffsite #EngineeringCulture",
    ),
    captions: [
      {
        label: "personal",
        text: "Three days in the Harz with my team: long hikes, a short roadmap and one suspicious ABBA song on the playlist. #TeamOffsite",
      },
      { label: "short", text: "3 days. 2 things we'll stop doing. 1 mountain. #TeamOffsite" },
    ],
    valueType: "TOGETHERNESS",
    goals: ["HR"],
    notes: "Waiting for photos from Jonas.",
    audience: { teams: ["Engineering"] },
    timing: { status: "DRAFT", daysAgo: 1 },
  },
  {
    slug: "podcast-the-grid-decides",
    title: "Podcast: why the grid, not the panels, sets the pace of the transition",
    body: post(
      "Our co-founder Helena Voss was a guest on the Watts Next podcast, talking about why the energy transition is now more a grid problem than a generation problem.",
      'A few things she said that stuck with us:\n→ "We can build a solar park in a year. Connecting it can take five."\n→ "Every heat pump is a small decision about the grid, made by a family that has never heard of a transformer."\n→ "The cheapest grid reinforcement is the one you don\'t need, because you used the flexibility you already had."',
      "It's 40 minutes long, and the last ten, on what she'd tell someone starting a career in energy today, are the best part.",
      "#Podcast #EnergyTransition #Leadership",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy's CEO Helena Voss on the Watts Next podcast: why grid connections, not generation, now set the pace of the energy transition. #Podcast #EnergyTransition",
      },
      {
        label: "personal",
        text: "If you listen to ten minutes of a podcast this week, make it the last ten of this one: Helena on starting a career in energy. 🎧 #Podcast",
      },
    ],
    valueType: "INSPIRATION",
    goals: ["MARKETING"],
    link: {
      url: "https://wattsnext.example/episodes/helena-voss",
      title: "Watts Next: Helena Voss on why the grid decides",
      description: "Fernhill's co-founder on grid connections, flexibility and careers in energy.",
      siteName: "Watts Next",
    },
    timing: { status: "DRAFT", daysAgo: 4 },
  },
  // Archived: the moment has passed.
  {
    slug: "hiring-senior-frontend-engineer",
    title: "We're hiring a Senior Frontend Engineer in Berlin",
    body: post(
      "Our control-room dashboard is used by network operators who sometimes have seconds to make a decision. We're looking for a senior frontend engineer who cares about that.",
      "You'll work on:\n→ real-time views of thousands of grid assets, in TypeScript and React\n→ accessibility for control rooms: high contrast, keyboard first, no surprises\n→ performance: a dashboard that stays fast on a ten-year-old PC in a substation",
      "You'll join Yuki and a small team that owns the frontend end to end, with a designer sitting right next to them.",
      "Berlin, hybrid, with a four-day week option.",
      "#Hiring #Frontend #TypeScript #BerlinJobs",
    ),
    captions: [
      {
        label: "personal",
        text: "We're looking for a frontend engineer to join my team. If accessibility and performance get you excited, let's talk. #Hiring",
      },
      { label: "short", text: "Senior Frontend Engineer, Berlin. Dashboards that matter. #Hiring" },
    ],
    valueType: "INFORMATION",
    goals: ["HR"],
    link: {
      url: "https://fernhill.example/careers/senior-frontend-engineer",
      title: "Senior Frontend Engineer (Berlin)",
      description: "Build the control-room dashboard network operators rely on.",
      siteName: "Fernhill Energy Careers",
    },
    audience: { teams: ["Engineering"] },
    timing: {
      status: "ARCHIVED",
      daysAgo: 88,
      archivedDaysAgo: 30,
      comment: "Role filled. Thank you to everyone who shared it!",
    },
  },
  {
    slug: "recording-cold-snap-readiness",
    title: "Recording: preparing your grid for a cold snap",
    body: post(
      "Missed our webinar on cold-snap readiness? The recording is now online.",
      "In 50 minutes, Oliver Hughes and a guest from a Swedish network operator cover:\n→ how heat pump load behaves below −10 °C (spoiler: not linearly)\n→ which feeders to watch first, using data you already have\n→ a checklist for the week before a forecast cold spell",
      "More than 300 people from 90 utilities joined live. Thank you for the many questions; we answered the ones we didn't get to in a follow-up note on the same page.",
      "#Utilities #HeatPumps #GridPlanning",
    ),
    captions: [
      {
        label: "formal",
        text: "Fernhill Energy's webinar on preparing distribution grids for a cold snap is now available on demand. #Utilities #GridPlanning",
      },
      {
        label: "short",
        text: "Cold-snap readiness for grid operators: the 50-minute recording. #HeatPumps",
      },
    ],
    valueType: "EDUCATION",
    goals: ["SALES"],
    notes: "For utility contacts only; it's too technical for a general audience.",
    link: {
      url: "https://fernhill.example/webinars/cold-snap-readiness",
      title: "Webinar recording: cold-snap readiness",
      description:
        "Heat pump load in the cold, which feeders to watch, and a checklist for the week before.",
      siteName: "Fernhill Energy",
    },
    timing: {
      status: "ARCHIVED",
      daysAgo: 84,
      archivedDaysAgo: 25,
      comment: "Seasonal. We'll bring it back before next winter.",
    },
  },
  {
    slug: "grid-fact-50-hertz",
    title: "Grid fact #12: all of continental Europe ticks at 50 Hz",
    body: post(
      "Grid fact #12, for the next time you need a party anecdote:",
      "Every generator on the continental European grid, from Portugal to Poland and Turkey, spins in sync at 50 cycles per second. Hundreds of millions of people, one heartbeat.",
      "When demand rises faster than supply, that heartbeat slows down by tiny amounts, a few hundredths of a hertz. Control rooms watch those hundredths all day long.",
      "In 2018, a dispute in the Balkans made the frequency run slightly slow for weeks, and oven clocks across Europe that count grid cycles ended up about six minutes late.",
      "So if your oven clock was ever wrong: it might not have been your fault. ⏰",
      "#GridFacts #EnergyExplained",
    ),
    captions: [
      {
        label: "personal",
        text: "Today I learned that a grid dispute in the Balkans once made oven clocks across Europe six minutes late. I love my job. ⏰ #GridFacts",
      },
      {
        label: "short",
        text: "Hundreds of millions of people, one 50 Hz heartbeat. ⏰ #GridFacts",
      },
    ],
    valueType: "ENTERTAINMENT",
    goals: ["MARKETING"],
    timing: {
      status: "ARCHIVED",
      daysAgo: 79,
      archivedDaysAgo: 35,
      comment: "The grid facts series has ended; archiving to keep the library tidy.",
    },
  },
];

export const SUGGESTIONS: LibrarySuggestion[] = [
  {
    by: "Sofia Lindqvist",
    title: "My talk at PyData Stockholm was accepted",
    body: post(
      "I'm going to speak at PyData Stockholm next month about the forecasting pipeline we built for substation load. Mostly about the mistakes, because those are the useful parts (yes, the daylight saving time bug is in there).",
      "It would be great if Fernhill could share it when the programme is out. I can send a photo from the talk afterwards, and the slides will be public. Maybe a good one for the engineering hiring posts too?",
    ),
    linkUrl: "https://www.meetup.com/pydata-stockholm/",
    valueType: "EDUCATION",
    daysAgo: 2,
    outcome: { status: "PENDING" },
  },
  {
    by: "Grace Mensah",
    title: "I passed the ISTQB Advanced Test Analyst exam",
    body: post(
      "After four months of studying on Sunday mornings, I passed the ISTQB Advanced Test Analyst exam! 🎉",
      "A lot of what I learned went straight into how we test the forecasting dashboard, especially risk-based testing, which helped us cut our regression suite from 3 hours to 50 minutes.",
      "Happy to write a few lines about it myself, and I'd love to mention that Fernhill paid for the course from the learning budget.",
    ),
    valueType: "MOTIVATION",
    daysAgo: 5,
    outcome: { status: "PENDING" },
  },
  {
    by: "Ingrid Berg",
    title: "Rooftop breakfast with the Stockholm team",
    body: post(
      "On the first Friday of every month, the Stockholm office has breakfast together on the roof terrace (or in the kitchen, when the weather says no). This time 14 people came, including two colleagues visiting from Berlin who had never had a proper kardemummabulle.",
      "I've attached a picture. I think it shows really well what our office is like. Would be nice for the careers posts too!",
    ),
    valueType: "TOGETHERNESS",
    image: "team",
    daysAgo: 3,
    outcome: { status: "PENDING" },
  },
  {
    by: "Henrik Dahl",
    title: "Our 100th grid-edge controller has shipped",
    body: post(
      "Today the 100th grid-edge controller left our hardware lab in Stockholm! It's going to a secondary substation outside Umeå.",
      "Two years ago the first prototype lived in a shoebox on my desk. Now we have a small production line, a test rig that simulates a whole winter in 48 hours, and a failure rate in the field of under 1 %.",
      "I'd love to share this with a photo of the whole hardware team next to the box. Everybody worked really hard for this.",
    ),
    linkUrl: "https://fernhill.example/blog/grid-edge-controller",
    valueType: "MOTIVATION",
    daysAgo: 1,
    outcome: { status: "PENDING" },
  },
  {
    by: "Sara Ahmadi",
    title: "Beach clean-up in Costa da Caparica",
    body: post(
      "On our volunteering day, nine of us from the Lisbon office joined a beach clean-up in Costa da Caparica. In three hours we collected 64 kg of rubbish: mostly bottle caps and, for some reason, a lot of single flip-flops.",
      "It was a lovely morning and a great way to get to know colleagues from other teams. Could we share this? I have photos where the other volunteers can't be recognised.",
    ),
    valueType: "TOGETHERNESS",
    daysAgo: 4,
    outcome: { status: "PENDING" },
  },
  {
    by: "Aisha Bello",
    title: "I got my high-voltage switching certificate!",
    body: post(
      "I passed my high-voltage switching certification (up to 110 kV)! It took 12 weeks of studying in the evenings, a written exam and a practical test in a live substation.",
      "I'd like to share it because I think more people, especially women, should know that field engineering is an option. When I started my apprenticeship, some of my teachers said it wasn't for girls. Happy to be tagged.",
    ),
    valueType: "MOTIVATION",
    daysAgo: 13,
    outcome: { status: "ACCEPTED", itemSlug: "aisha-high-voltage-certification" },
  },
  {
    by: "Mateo García",
    title: "I gave a talk at the Lisbon Rust meetup",
    body: post(
      'Last night I gave my first meetup talk, at the Lisbon Rust meetup: "Time series without tears". I talked about moving our meter-data ingestion to Rust: three times less memory, two weeks of fighting the borrow checker, and what to do with data that arrives late. About 60 people came and the questions were great.',
      "The slides and the code are on GitHub. Could this be a post for the engineering hiring campaign?",
    ),
    linkUrl: "https://github.com/fernhill-energy/timeseries-without-tears",
    valueType: "EDUCATION",
    daysAgo: 4,
    outcome: { status: "ACCEPTED", itemSlug: "mateo-talk-lisbon-rust-meetup" },
  },
  {
    by: "Tom Brennan",
    title: "We beat our pipeline target by 40 %",
    body: post(
      "Huge shout-out to the sales development team: we beat our pipeline target for the quarter by 40 %, with 38 new qualified opportunities, mostly from municipal utilities in Germany.",
      "I'd love to post the numbers together with the names of the utilities we're talking to. It shows how much momentum we have!",
    ),
    valueType: "MOTIVATION",
    daysAgo: 6,
    outcome: {
      status: "REJECTED",
      reviewer: "Amara Okafor",
      reason:
        "Thank you, Tom, and well done to the whole team! We can't publish pipeline figures or the names of utilities we're in talks with: both stay internal until deals are signed and the customers agree. How about a post on what utilities ask about most right now, without names or numbers? Priya is happy to help you write it.",
    },
  },
];
