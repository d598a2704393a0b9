/** Demo people of Fernhill Energy: realistic, international names; one line per person. */
export interface DemoPerson {
  name: string;
  title: string;
  team: string;
  role: "ADMIN" | "MANAGER" | "EMPLOYEE";
  location: string;
  email?: string;
  manages?: boolean;
}

export const TEAMS = [
  { name: "Marketing & Communications", description: "Brand, content and the advocacy programme." },
  { name: "Engineering", description: "Grid software, field engineering and data." },
  { name: "Sales", description: "Utilities, municipalities and commercial partners." },
  { name: "People & Culture", description: "Hiring, learning and the way we work." },
] as const;

export const LOCATIONS = ["Berlin", "Stockholm", "Lisbon", "Remote"] as const;

const M = "Marketing & Communications";
const E = "Engineering";
const S = "Sales";
const P = "People & Culture";

export const PEOPLE: DemoPerson[] = [
  {
    name: "Amara Okafor",
    title: "Head of Communications",
    team: M,
    role: "ADMIN",
    location: "Berlin",
    email: "admin@fernhill.example",
  },
  {
    name: "Priya Raman",
    title: "Content Lead",
    team: M,
    role: "ADMIN",
    location: "Lisbon",
    email: "priya.raman@fernhill.example",
  },
  {
    name: "Jonas Weber",
    title: "Engineering Manager",
    team: E,
    role: "MANAGER",
    location: "Berlin",
    email: "manager@fernhill.example",
    manages: true,
  },
  {
    name: "Chloé Martin",
    title: "Marketing Manager",
    team: M,
    role: "MANAGER",
    location: "Lisbon",
    manages: true,
  },
  {
    name: "Daniel Kowalski",
    title: "Head of Sales",
    team: S,
    role: "MANAGER",
    location: "Stockholm",
    manages: true,
  },
  {
    name: "Hannah Schmidt",
    title: "People Partner Lead",
    team: P,
    role: "MANAGER",
    location: "Berlin",
    manages: true,
  },
  {
    name: "Sofia Lindqvist",
    title: "Data Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Stockholm",
    email: "employee@fernhill.example",
  },
  {
    name: "Mateo García",
    title: "Backend Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  { name: "Aisha Bello", title: "Field Engineer", team: E, role: "EMPLOYEE", location: "Berlin" },
  {
    name: "Lukas Novak",
    title: "Site Reliability Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Remote",
  },
  {
    name: "Yuki Tanaka",
    title: "Frontend Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Oliver Hughes",
    title: "Grid Analyst",
    team: E,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  {
    name: "Fatima Zahra",
    title: "Embedded Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  {
    name: "Erik Johansson",
    title: "Staff Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  { name: "Grace Mensah", title: "QA Engineer", team: E, role: "EMPLOYEE", location: "Remote" },
  {
    name: "Noah Fischer",
    title: "Platform Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Inês Costa",
    title: "Machine Learning Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  {
    name: "Ravi Patel",
    title: "Solutions Engineer",
    team: S,
    role: "EMPLOYEE",
    location: "Remote",
  },
  {
    name: "Emma Dubois",
    title: "Account Executive",
    team: S,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  {
    name: "Marcus Andersson",
    title: "Account Executive",
    team: S,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  {
    name: "Leila Haddad",
    title: "Partnerships Manager",
    team: S,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Tom Brennan",
    title: "Sales Development Rep",
    team: S,
    role: "EMPLOYEE",
    location: "Remote",
  },
  {
    name: "Katarzyna Wiśniewska",
    title: "Customer Success Manager",
    team: S,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Samuel Osei",
    title: "Key Account Manager",
    team: S,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  {
    name: "Julia Romano",
    title: "Sales Operations Analyst",
    team: S,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  { name: "Ahmed Karim", title: "Bid Manager", team: S, role: "EMPLOYEE", location: "Berlin" },
  {
    name: "Lena Hoffmann",
    title: "Content Marketer",
    team: M,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  { name: "Diego Alvarez", title: "Designer", team: M, role: "EMPLOYEE", location: "Lisbon" },
  {
    name: "Maja Nilsson",
    title: "Social Media Specialist",
    team: M,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  { name: "Kwame Asante", title: "Events Manager", team: M, role: "EMPLOYEE", location: "Remote" },
  { name: "Zoe Clarke", title: "Copywriter", team: M, role: "EMPLOYEE", location: "Remote" },
  {
    name: "Anna Kovács",
    title: "Talent Acquisition Partner",
    team: P,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Ben Carter",
    title: "Learning & Development Lead",
    team: P,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  {
    name: "Sara Ahmadi",
    title: "People Operations Specialist",
    team: P,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  { name: "Pedro Santos", title: "Recruiter", team: P, role: "EMPLOYEE", location: "Lisbon" },
  {
    name: "Ingrid Berg",
    title: "Workplace Experience Manager",
    team: P,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
  {
    name: "Ethan Moore",
    title: "Employer Brand Specialist",
    team: P,
    role: "EMPLOYEE",
    location: "Remote",
  },
  {
    name: "Nadia Petrova",
    title: "Product Manager",
    team: E,
    role: "EMPLOYEE",
    location: "Berlin",
  },
  {
    name: "Carlos Mendes",
    title: "Energy Consultant",
    team: S,
    role: "EMPLOYEE",
    location: "Lisbon",
  },
  { name: "Elif Yılmaz", title: "Data Analyst", team: M, role: "EMPLOYEE", location: "Berlin" },
  {
    name: "Henrik Dahl",
    title: "Hardware Engineer",
    team: E,
    role: "EMPLOYEE",
    location: "Stockholm",
  },
];

/** firstname.lastname@fernhill.example, ASCII only. */
export function demoEmail(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .toLowerCase()
    .replace(/[^a-z ]/g, "");
  return `${ascii.trim().split(/\s+/).join(".")}@fernhill.example`;
}
