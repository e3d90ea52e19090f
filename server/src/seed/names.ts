/**
 * Word lists for realistic, international seed data. Each region keeps its people's names,
 * its place words and the company suffixes used there together, so names read naturally
 * ("Lindqvist Bygg AB", "Okafor Logistics Ltd", "Takahashi Precision K.K.").
 */
export interface Region {
  first: readonly string[];
  last: readonly string[];
  places: readonly string[];
  suffixes: readonly string[];
}

export const REGIONS: readonly Region[] = [
  {
    // Brazil and Portugal
    first: ['Ana', 'João', 'Mariana', 'Pedro', 'Beatriz', 'Lucas', 'Camila', 'Rafael', 'Larissa', 'Thiago', 'Fernanda', 'Gustavo', 'Inês', 'Tiago'],
    last: ['Lima', 'Souza', 'Oliveira', 'Santos', 'Pereira', 'Carvalho', 'Ribeiro', 'Almeida', 'Costa', 'Ferreira', 'Rocha', 'Barbosa', 'Azevedo', 'Teixeira'],
    places: ['Paulista', 'Carioca', 'Atlântico', 'Ipanema', 'Minas', 'Douro', 'Tejo', 'Amazonas'],
    suffixes: ['Ltda.', 'S.A.', 'Lda.', ''],
  },
  {
    // Germany, Austria, Switzerland
    first: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Sophie', 'Maximilian', 'Hannah', 'Tobias', 'Katharina', 'Matthias', 'Johanna'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schulz', 'Wagner', 'Keller', 'Brandt', 'Vogel'],
    places: ['Rhein', 'Alpen', 'Elbe', 'Bodensee', 'Schwarzwald', 'Hanse', 'Donau', 'Bavaria'],
    suffixes: ['GmbH', 'AG', 'GmbH & Co. KG', 'e.K.'],
  },
  {
    // The Nordics
    first: ['Erik', 'Ingrid', 'Lars', 'Astrid', 'Mikael', 'Sofia', 'Henrik', 'Freja', 'Oskar', 'Sigrid', 'Anders', 'Elin'],
    last: ['Lindqvist', 'Johansson', 'Nilsson', 'Andersen', 'Hansen', 'Virtanen', 'Korhonen', 'Berg', 'Dahl', 'Solberg', 'Eriksson', 'Holm'],
    places: ['Nordic', 'Fjord', 'Baltic', 'Aurora', 'Skagen', 'Lapland', 'Viking', 'Oresund'],
    suffixes: ['AB', 'AS', 'A/S', 'Oy', 'ApS'],
  },
  {
    // Japan
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Kenji', 'Sakura', 'Takumi', 'Mei', 'Daiki', 'Yuna'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Matsumoto'],
    places: ['Kansai', 'Shinjuku', 'Hokkaido', 'Kyushu', 'Sakura', 'Fuji', 'Setouchi', 'Tohoku'],
    suffixes: ['K.K.', 'Co., Ltd.', ''],
  },
  {
    // Nigeria and Ghana
    first: ['Chinedu', 'Ngozi', 'Emeka', 'Adaeze', 'Oluwaseun', 'Folake', 'Kwame', 'Ama', 'Tunde', 'Yetunde', 'Kofi', 'Efua'],
    last: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Mensah', 'Boateng', 'Owusu', 'Adebayo', 'Obi', 'Asante'],
    places: ['Lagos', 'Niger Delta', 'Accra', 'Gold Coast', 'Savannah', 'Volta', 'Abuja', 'Kumasi'],
    suffixes: ['Ltd', 'Plc', 'Limited', ''],
  },
  {
    // India
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Isha', 'Aditya', 'Meera', 'Rahul', 'Nisha', 'Siddharth'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Mehta', 'Rao', 'Banerjee', 'Kapoor', 'Menon', 'Desai'],
    places: ['Deccan', 'Malabar', 'Ganges', 'Himalaya', 'Konkan', 'Bengal', 'Indus', 'Coromandel'],
    suffixes: ['Pvt. Ltd.', 'Ltd.', 'LLP', ''],
  },
  {
    // China, Taiwan, Singapore
    first: ['Wei', 'Li Na', 'Jun', 'Xiu Ying', 'Hao', 'Mei Ling', 'Chen', 'Yan', 'Zhi', 'Hui', 'Bo', 'Lan'],
    last: ['Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Lim', 'Tan'],
    places: ['Pearl River', 'Yangtze', 'Jade', 'Lotus', 'Orient', 'Kowloon', 'Marina', 'Formosa'],
    suffixes: ['Co., Ltd.', 'Pte. Ltd.', 'Holdings', ''],
  },
  {
    // Spain and Latin America
    first: ['Lucía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Martina', 'Alejandro', 'Sofía', 'Javier', 'Paula', 'Andrés'],
    last: ['García', 'Rodríguez', 'Martínez', 'López', 'Hernández', 'Gómez', 'Díaz', 'Morales', 'Romero', 'Navarro', 'Vargas', 'Castillo'],
    places: ['Andes', 'Pampa', 'Iberia', 'Caribe', 'Patagonia', 'Sierra', 'Costa Brava', 'Yucatán'],
    suffixes: ['S.L.', 'S.A.', 'S.A. de C.V.', 'SpA', 'S.A.S.'],
  },
  {
    // France and Belgium
    first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Manon', 'Arthur', 'Juliette', 'Théo', 'Élise', 'Antoine'],
    last: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard', 'Fontaine', 'Rousseau', 'Mercier', 'Lambert', 'Peeters'],
    places: ['Provence', 'Loire', 'Bretagne', 'Lumière', 'Atlantique', 'Alsace', 'Riviera', 'Ardennes'],
    suffixes: ['SAS', 'SARL', 'S.A.', 'SA/NV'],
  },
  {
    // Italy
    first: ['Giulia', 'Lorenzo', 'Chiara', 'Matteo', 'Francesca', 'Alessandro', 'Sara', 'Davide', 'Elena', 'Marco', 'Alessia', 'Giorgio'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Conti'],
    places: ['Tirreno', 'Adriatica', 'Toscana', 'Dolomiti', 'Lombarda', 'Vesuvio', 'Ligure', 'Etna'],
    suffixes: ['S.r.l.', 'S.p.A.', ''],
  },
  {
    // Poland and Central Europe
    first: ['Jakub', 'Zofia', 'Kacper', 'Julia', 'Piotr', 'Maja', 'Tomasz', 'Agnieszka', 'Marek', 'Katarzyna', 'Pavel', 'Tereza'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Novák', 'Dvořák', 'Horváth', 'Kovács'],
    places: ['Vistula', 'Carpathia', 'Tatra', 'Mazovia', 'Bohemia', 'Danubia', 'Silesia', 'Pannonia'],
    suffixes: ['sp. z o.o.', 'S.A.', 's.r.o.', 'Kft.'],
  },
  {
    // United Kingdom and Ireland
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Emily', 'Callum', 'Niamh', 'Rhys', 'Siobhan'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', "O'Brien", 'Murphy', 'Campbell', 'Walsh'],
    places: ['Thames', 'Pennine', 'Highland', 'Cotswold', 'Mersey', 'Celtic', 'Albion', 'Shannon'],
    suffixes: ['Ltd', 'plc', 'LLP', ''],
  },
  {
    // United States and Canada
    first: ['James', 'Olivia', 'Michael', 'Emma', 'Daniel', 'Madison', 'Tyler', 'Abigail', 'Brandon', 'Hailey', 'Marcus', 'Jasmine'],
    last: ['Johnson', 'Miller', 'Davis', 'Anderson', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Tremblay'],
    places: ['Pacific', 'Great Lakes', 'Lone Star', 'Cascade', 'Bayou', 'Keystone', 'Rocky Mountain', 'Gulf Coast'],
    suffixes: ['Inc.', 'LLC', 'Corp.', 'Co.', ''],
  },
  {
    // Turkey
    first: ['Elif', 'Mehmet', 'Zeynep', 'Emre', 'Ayşe', 'Burak', 'Defne', 'Can', 'Selin', 'Mert', 'Ece', 'Kerem'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Aksoy'],
    places: ['Bosphorus', 'Anatolia', 'Ege', 'Kapadokya', 'Marmara', 'Toros', 'Karadeniz', 'Likya'],
    suffixes: ['A.Ş.', 'Ltd. Şti.', ''],
  },
  {
    // The Levant and the Gulf
    first: ['Layla', 'Omar', 'Noor', 'Yousef', 'Rania', 'Khalid', 'Huda', 'Tariq', 'Salma', 'Faisal', 'Mariam', 'Hassan'],
    last: ['Haddad', 'Khoury', 'Nasser', 'Al-Farsi', 'Mansour', 'Saleh', 'Hamdan', 'Aziz', 'Karam', 'Rahman', 'Habib', 'Qasim'],
    places: ['Levant', 'Gulf', 'Cedar', 'Oasis', 'Petra', 'Dubai Creek', 'Red Sea', 'Arabian'],
    suffixes: ['LLC', 'FZ-LLC', 'W.L.L.', 'S.A.L.'],
  },
  {
    // Korea
    first: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Hyun-woo', 'Su-bin', 'Jae-won', 'Ye-jin', 'Sung-min', 'Da-eun'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
    places: ['Han River', 'Jeju', 'Busan', 'Seorak', 'Gangnam', 'Incheon', 'Hallasan', 'Daegu'],
    suffixes: ['Co., Ltd.', 'Corp.', ''],
  },
  {
    // Vietnam and South-East Asia
    first: ['Linh', 'Minh', 'Thao', 'Quang', 'Hoa', 'Tuan', 'Mai', 'Duc', 'Siti', 'Arif', 'Dewi', 'Budi'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Santoso', 'Wijaya', 'Pratama', 'Hidayat'],
    places: ['Mekong', 'Saigon', 'Halong', 'Java', 'Borneo', 'Sumatra', 'Lotus Bay', 'Hoi An'],
    suffixes: ['JSC', 'Co., Ltd.', 'PT', 'Sdn. Bhd.'],
  },
  {
    // The Netherlands
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Bram', 'Fleur', 'Thijs', 'Sanne', 'Ruben', 'Lotte', 'Jesse', 'Anouk'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Dekker'],
    places: ['Holland', 'Zuiderzee', 'Polder', 'Delta', 'Maas', 'Zeeland', 'Amstel', 'Frisian'],
    suffixes: ['B.V.', 'N.V.', ''],
  },
  {
    // East Africa
    first: ['Wanjiru', 'Kamau', 'Achieng', 'Otieno', 'Amani', 'Baraka', 'Zawadi', 'Juma', 'Neema', 'Mwangi', 'Imani', 'Kipchoge'],
    last: ['Kariuki', 'Odhiambo', 'Mutua', 'Wambui', 'Njoroge', 'Kiprono', 'Mwakasege', 'Haile', 'Tesfaye', 'Mugisha', 'Nyerere', 'Chebet'],
    places: ['Rift Valley', 'Serengeti', 'Kilimanjaro', 'Victoria', 'Nairobi', 'Zanzibar', 'Mombasa', 'Kigali'],
    suffixes: ['Ltd', 'Limited', 'PLC', ''],
  },
  {
    // Australia and New Zealand
    first: ['Charlotte', 'Noah', 'Matilda', 'Liam', 'Ruby', 'Cooper', 'Harper', 'Archie', 'Aroha', 'Nikau', 'Zara', 'Flynn'],
    last: ['Nguyen', 'Kelly', 'Ryan', 'Mitchell', 'Robinson', 'Parata', 'Ngata', 'Stewart', 'Cooper', 'Thompson', 'Hughes', 'McKenzie'],
    places: ['Southern Cross', 'Outback', 'Coral Coast', 'Tasman', 'Kiwi', 'Blue Mountains', 'Murray', 'Canterbury'],
    suffixes: ['Pty Ltd', 'Ltd', ''],
  },
];

export const INDUSTRIES: readonly string[] = [
  'Logistics', 'Analytics', 'Health', 'Dental Group', 'Foods', 'Textiles', 'Energy', 'Solar', 'Robotics', 'Biotech',
  'Pharma', 'Insurance', 'Capital', 'Legal', 'Architects', 'Engineering', 'Software', 'Labs', 'Media', 'Studios',
  'Travel', 'Hotels', 'Retail', 'Motors', 'Aerospace', 'Marine', 'Agritech', 'Farms', 'Coffee', 'Brewing',
  'Telecom', 'Security', 'Consulting', 'Education', 'Academy', 'Clinics', 'Freight', 'Construction', 'Steel', 'Paper',
  'Printing', 'Fashion', 'Cosmetics', 'Sports', 'Games', 'Payments', 'Bank', 'Credit Union', 'Realty', 'Properties',
  'Water', 'Recycling', 'Chemicals', 'Instruments', 'Optics', 'Semiconductors', 'Cloud', 'Data', 'Networks', 'Mobility',
  'Wind Power', 'Hydraulics', 'Furniture', 'Ceramics', 'Veterinary', 'Pet Care', 'Nutrition', 'Imaging', 'Diagnostics', 'Audit',
];

/** Invented brand syllables: "Lum" + "ora" → "Lumora". */
export const BRAND_HEADS: readonly string[] = [
  'Lum', 'Ver', 'Cor', 'Zen', 'Nov', 'Aur', 'Kai', 'Sol', 'Ori', 'Vel', 'Tera', 'Quan', 'Bri', 'Ax', 'Ely',
  'Fen', 'Hal', 'Ish', 'Jun', 'Myr', 'Nex', 'Oba', 'Pra', 'Rho', 'Syl', 'Tal', 'Umb', 'Vio', 'Wyn', 'Xan',
];
export const BRAND_TAILS: readonly string[] = [
  'ora', 'ida', 'vanta', 'ith', 'ex', 'ion', 'ara', 'enta', 'ium', 'osa', 'ova', 'ytics', 'io', 'ent', 'aro',
  'is', 'una', 'eon', 'ix', 'ana', 'elle', 'ori', 'ado', 'ine', 'ux', 'ova', 'yn', 'esta', 'igo', 'ea',
];

/** Display names for the platform's own staff and partners (fixed, so notable records stay put). */
export const PARTNERS = [
  { name: 'Northwind Partners', slug: 'northwind-partners', status: 'ACTIVE', domain: 'northwind-partners.example', max: [2000, 5000, 50] },
  { name: 'Bluefjord Consulting AS', slug: 'bluefjord-consulting', status: 'ACTIVE', domain: 'bluefjord.example', max: [500, 1000, 25] },
  { name: 'Sakura Systems Integration K.K.', slug: 'sakura-systems', status: 'ACTIVE', domain: 'sakura-si.example', max: [1000, 2500, 40] },
  { name: 'Andes Digital Alliance', slug: 'andes-digital', status: 'ACTIVE', domain: 'andes-digital.example', max: [null, null, null] },
  { name: 'Kalahari Cloud Services', slug: 'kalahari-cloud', status: 'SUSPENDED', domain: 'kalahari-cloud.example', max: [250, 500, 10] },
] as const;
