/**
 * Hand-kept word lists for the guard's lexicon build (src/tools/build-guard-lexicon.ts).
 *
 * FIELD_AUTHORS: people members cite in social work, therapy and trauma work. A name here is a
 * citation, never a client.
 */
export const FIELD_AUTHORS = [
  "Brené Brown", "Brene Brown", "Bessel van der Kolk", "Judith Herman", "Irvin Yalom", "Carl Rogers", "Marsha Linehan",
  "Aaron Beck", "Judith Beck", "Virginia Satir", "Salvador Minuchin", "Murray Bowen", "Jane Addams", "Mary Richmond",
  "Frances Perkins", "Whitney Young", "Dorothy Height", "bell hooks", "Paulo Freire", "Abraham Maslow", "Erik Erikson",
  "Jean Piaget", "John Bowlby", "Mary Ainsworth", "Dan Siegel", "Daniel Siegel", "Gabor Maté", "Gabor Mate", "Peter Levine",
  "Stephen Porges", "Bruce Perry", "Deb Dana", "Resmaa Menakem", "Kimberlé Crenshaw", "Kimberle Crenshaw", "Tara Brach",
  "Kristin Neff", "Steve de Shazer", "Insoo Kim Berg", "Michael White", "David Epston", "William Miller", "Stephen Rollnick",
  "Sue Johnson", "John Gottman", "Julie Gottman", "Esther Perel", "Viktor Frankl", "Alfred Adler", "Carl Jung", "Sigmund Freud",
  "Anna Freud", "Melanie Klein", "Donald Winnicott", "Karen Horney", "Albert Ellis", "Albert Bandura", "Urie Bronfenbrenner",
  "Dennis Saleebey", "Charles Zastrow", "Dean Hepworth", "Frederic Reamer", "Lena Dominelli", "Jan Fook", "Donna Hicks",
  "Laura van Dernoot Lipsky", "Charles Figley", "Beth Hudnall Stamm", "Vincent Felitti", "Robert Anda", "Nadine Burke Harris",
  "Ross Greene", "Dan Hughes", "Karyn Purvis", "David Cross", "Pat Ogden", "Francine Shapiro", "Edna Foa", "Patricia Resick",
  "Judith Cohen", "Anthony Mannarino", "Esther Deblinger", "Kay Redfield Jamison", "Martin Seligman", "Carol Dweck",
  "Angela Duckworth", "Tarana Burke", "Michelle Alexander", "Ibram Kendi", "Ibram X. Kendi", "Robin DiAngelo", "Layla Saad",
  "Ruby Payne", "Matthew Desmond", "Barbara Ehrenreich", "Sonya Renee Taylor", "adrienne maree brown", "Audre Lorde",
  "Maya Angelou", "James Baldwin", "Mariame Kaba", "Dorothy Roberts", "Lisa Najavits", "Kelly McGonigal", "Thich Nhat Hanh",
  "Pema Chödrön", "Pema Chodron", "Jon Kabat-Zinn", "Rick Hanson", "Marshall Rosenberg", "Donald Meichenbaum", "Jack Kornfield",
  "Daniel Goleman", "Amy Edmondson", "Susan David", "Lori Gottlieb", "Bryan Stevenson", "Ta-Nehisi Coates", "Heather McGhee",
  "Valerie Kaur", "Ocean Vuong", "Tressie McMillan Cottom", "Johann Hari", "Gregory Boyle", "Dolores Huerta", "Cesar Chavez",
  "Bayard Rustin", "Harriet Tubman", "Frederick Douglass", "Martin Luther King", "Fred Rogers", "Mister Rogers", "Oprah Winfrey",
];

/**
 * Capitalised words that are not English dictionary words and not people: programs, medicines, apps,
 * brands, holidays, languages and peoples that come up in this field. The compromise lexicon's
 * organisations, places, demonyms and teams are added to these by the build.
 */
export const NON_NAME_PROPER_NOUNS = [
  // benefits, programs, agencies
  "Medicaid", "Medicare", "Medi-Cal", "MassHealth", "TennCare", "SoonerCare", "Badgercare", "Husky", "Tricare", "Obamacare",
  "CalFresh", "CalWORKs", "CalAIM", "WorkFirst", "HealthChoice", "Headstart", "AmeriCorps", "Ameri", "VistA", "Unidos",
  // apps, platforms, tools
  "Zoom", "Teams", "Slack", "Discord", "Google", "Gmail", "Outlook", "Facebook", "Instagram", "TikTok", "Snapchat", "YouTube",
  "Reddit", "LinkedIn", "WhatsApp", "Telegram", "Signal", "Venmo", "Zelle", "PayPal", "CashApp", "Uber", "Lyft", "Airbnb",
  "DoorDash", "Instacart", "Grubhub", "Epic", "Cerner", "Netsmart", "TherapyNotes", "SimplePractice", "Canva", "Qualtrics",
  "Kahoot", "Padlet", "Jamboard", "Mentimeter", "Calendly", "Doxy", "Headspace", "Calm", "Talkspace", "BetterHelp", "Spotify",
  "Audible", "Kindle", "Amazon", "Walmart", "Costco", "Goodwill", "Craigslist", "PubMed", "JSTOR", "Medline", "Notion", "Trello",
  "Asana", "Dropbox", "OneDrive", "SharePoint", "Excel", "PowerPoint", "Docusign", "Smartsheet", "Chromebook", "iPad", "iPhone",
  "Android", "Samsung", "Motorola", "Fitbit", "Alexa", "Siri", "Netflix", "Hulu", "Twitch", "Roblox", "Minecraft", "Fortnite",
  "ChatGPT", "OpenAI", "Copilot", "Gemini", "Claude", "Wikipedia", "Substack", "Medium", "Eventbrite", "Meetup", "Linktree",
  "Etsy", "Depop", "Poshmark", "GoFundMe", "Patreon", "OnlyFans", "Tinder", "Bumble", "Grindr", "Hinge", "Greyhound", "Amtrak",
  // medicines and clinical terms
  "Narcan", "Naloxone", "Suboxone", "Sublocade", "Vivitrol", "Methadone", "Buprenorphine", "Seroquel", "Abilify", "Adderall",
  "Ritalin", "Vyvanse", "Concerta", "Zoloft", "Prozac", "Lexapro", "Wellbutrin", "Xanax", "Klonopin", "Ativan", "Depakote",
  "Risperdal", "Invega", "Haldol", "Ambien", "Trazodone", "Gabapentin", "Fentanyl", "Xylazine", "Tylenol", "Advil", "Ozempic",
  "Lamictal", "Lithium", "Clozaril", "Zyprexa", "Prazosin", "Plan B", "Covid", "Omicron", "Mpox", "Socratic", "Likert",
  "Freudian", "Rogerian", "Adlerian", "Jungian", "Ericksonian", "Gottman", "Motivational", "Montessori", "Alzheimer",
  "Alzheimers", "Parkinson", "Parkinsons", "Asperger", "Aspergers", "Tourette", "Down", "Crohn", "Huntington",
  // holidays, faiths, peoples and languages
  "Ramadan", "Eid", "Diwali", "Hanukkah", "Chanukah", "Christmas", "Thanksgiving", "Juneteenth", "Kwanzaa", "Easter",
  "Passover", "Halloween", "Lent", "Pride", "Shabbat", "Sabbath", "Quran", "Koran", "Bible", "Torah", "Muslim", "Christian",
  "Jewish", "Hindu", "Buddhist", "Sikh", "Catholic", "Baptist", "Methodist", "Lutheran", "Mormon", "Pentecostal", "Latinx",
  "Latine", "Latina", "Latino", "Latinas", "Latinos", "Hispanic", "Indigenous", "Native", "Deaf", "Spanglish", "Tagalog",
  "Somali", "Hmong", "Navajo", "Dine", "Diné", "Lakota", "Dakota", "Ojibwe", "Anishinaabe", "Cherokee", "Mandarin",
  "Cantonese", "Vietnamese", "Korean", "Japanese", "Arabic", "Farsi", "Dari", "Pashto", "Urdu", "Hindi", "Bengali", "Punjabi",
  "Swahili", "Amharic", "Tigrinya", "Oromo", "Haitian", "Creole", "Kreyol", "Portuguese", "Russian", "Ukrainian", "Polish",
  "English", "Spanish", "French", "German", "Italian", "Chinese", "Greek", "Hebrew", "Turkish", "Persian", "Thai", "Lao", "Khmer",
  "Marshallese", "Chuukese", "Karenni", "Burmese", "Nepali", "Bhutanese", "Rohingya", "Yazidi", "Kurdish", "Afghan",
  "Syrian", "Congolese", "Sudanese", "Eritrean", "Ethiopian", "Guatemalan", "Honduran", "Salvadoran", "Venezuelan",
  "Mam", "Quiche", "K'iche'", "Tibetan", "Mongolian", "Samoan", "Tongan", "Fijian", "Micronesian", "Appalachian",
  // everyday capitalised things
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
  "May", "June", "July", "August", "September", "October", "November", "December", "OK", "Okay", "Lol", "Omg", "Tbh",
  "Idk", "Fyi", "Btw", "Imo", "Thx", "Pls", "Ugh", "Yay", "Hiya", "Congrats", "Kudos", "Ty", "Tysm", "Hmm", "Hm", "Anyhoo",
];
