import type { TicketCategory } from '../../aftersales/domain/ticketCategory.js';

/** The canned words of the demo data set (demoDataSet.ts): names, titles and messages it picks from. */

export const PROJECT_KINDS = [
  'Website relaunch',
  'Online shop',
  'Customer portal',
  'Booking system',
  'Intranet',
  'Landing pages',
  'Mobile web app',
  'Product catalogue',
  'Member area',
  'Event microsite',
  'Recruiting site',
  'B2B ordering portal',
] as const;

export const CONTACT_NAMES = [
  'Ana Ruiz',
  'Ben Okafor',
  'Chen Wei',
  'Dana Kovac',
  'Elif Demir',
  'Farid Haddad',
  'Greta Lind',
  'Hugo Martin',
  'Ines Costa',
  'Jonas Berg',
  'Kira Sato',
  'Lena Novak',
  'Marco Rossi',
  'Nadia Petrova',
  'Omar Said',
  'Priya Nair',
  'Quinn Adams',
  'Rosa Jimenez',
  'Sven Olsen',
  'Tara Walsh',
  'Uma Patel',
  'Victor Moreau',
  'Wen Li',
  'Yara Haddad',
] as const;

export const REQUIREMENT_TITLES = [
  'Single sign-on with the client directory',
  'Product search with filters',
  'Checkout with invoice payment',
  'Multilingual content (EN, DE, FR)',
  'Newsletter sign-up with double opt-in',
  'Store locator with map',
  'Editor role for marketing staff',
  'Accessible forms (WCAG 2.1 AA)',
  'Order history for signed-in customers',
  'Import of the product feed every night',
  'Appointment booking with reminders',
  'Download area for brochures',
  'Cookie consent with categories',
  'Job listings from the HR system',
  'Contact form routed by topic',
  'Page speed under 2 s on mobile',
  'Analytics dashboard for the sales team',
  'Event calendar with registrations',
  'Customer reviews with moderation',
  'Integration with the CRM',
  'PDF quotes generated from the cart',
  'Two-factor sign-in for staff',
  'Image gallery with zoom',
  'Blog with categories and tags',
] as const;

export const ROUND_SUMMARIES = [
  'Walked through goals and target groups',
  'Reviewed the sitemap draft',
  'Clarified integrations and data sources',
  'Agreed priorities for the first release',
  'Discussed content ownership and workflow',
  'Went through wireframes of the key pages',
  'Settled open questions on payments',
  'Confirmed scope and acceptance criteria',
  'Reviewed the requirement list line by line',
  'Aligned on launch date and dependencies',
] as const;

export const RESEARCH_TOPICS = [
  'Competitor sites and their checkout flows',
  'Interviews with three key customers',
  'Analytics of the current site',
  'Accessibility audit of the old site',
  'Search behaviour of mobile visitors',
] as const;

export const REVIEW_FEEDBACK = {
  APPROVED: ['Looks good, approved for the next step', 'Approved with minor copy changes', 'Client is happy with the build', 'Approved after the walkthrough'],
  CHANGES_REQUESTED: ['Navigation needs another iteration', 'Colours and spacing to be revised', 'Search results are not what the client expected', 'Forms need clearer error messages'],
} as const;

export const CHANGE_ORDER_REASONS = {
  EXTRA_RESEARCH: ['One more research session on a new customer segment', 'Extra interviews requested by the client board'],
  EXTRA_ITERATION: ['Client wants another design iteration', 'Additional iteration after stakeholder feedback'],
  SCOPE: ['Add a partner area', 'Add a second language', 'Connect the loyalty programme', 'Extra landing pages for a campaign'],
} as const;

export const COST_NOTES = {
  RESEARCH: ['Requirement workshops', 'Research and interviews'],
  ITERATION: ['Development iteration', 'Fixes after review', 'Rework after the stress test'],
  AFTER_SALES: ['After-care support', 'Monitoring and small fixes', 'Support hours'],
  OTHER: ['Hosting set-up', 'Licences'],
} as const;

export const REVIEW_COMMENTS = {
  promoter: ['Great team, fast answers', 'Very happy with the result', 'Would recommend you to partners'],
  passive: ['Good result, a few delays', 'Fine overall, communication could be better'],
  detractor: ['Too many follow-ups needed', 'Launch was later than promised', 'Support was slow after the launch'],
} as const;

export const TICKET_TEXTS: Record<TicketCategory, readonly { title: string; description: string }[]> = {
  SYSTEM: [
    { title: 'Password reset email does not arrive', description: 'Two editors did not receive the reset email this morning.' },
    { title: 'How do we export the order list?', description: 'Accounting needs the orders of last month as a spreadsheet.' },
    { title: 'Image upload fails for large files', description: 'Uploading photos over 8 MB ends with an error.' },
    { title: 'Where are the newsletter settings?', description: 'We cannot find where to change the sender name.' },
    { title: 'Editor cannot publish pages', description: 'A new colleague only sees "save draft".' },
  ],
  BUSINESS: [
    { title: 'Callback about the autumn campaign', description: 'Please call us to plan the campaign pages.' },
    { title: 'Question about the hosting invoice', description: 'The invoice lists a service we do not recognise.' },
    { title: 'Prices for the next product line', description: 'We need to add 40 products with new price rules.' },
    { title: 'Change of the legal notice', description: 'Our company address changed; who updates the imprint?' },
  ],
  STRATEGIC: [
    { title: 'Planning the next phase of the portal', description: 'We would like to discuss the roadmap for next year.' },
    { title: 'Should we move to a headless set-up?', description: 'Our board asks about options for the mobile app.' },
    { title: 'Expanding to two more markets', description: 'We want to understand what a second language means for us.' },
  ],
  COMPLAINT: [
    { title: 'Checkout is slow again', description: 'Customers complain that paying takes over a minute.' },
    { title: 'The promised fix did not work', description: 'The menu bug is back after the last release.' },
    { title: 'Nobody answered our call', description: 'We tried to reach support twice yesterday.' },
    { title: 'Search shows wrong products', description: 'Searching for our bestseller shows unrelated items.' },
    { title: 'Launch date was missed', description: 'The campaign page was not live on the agreed day.' },
  ],
  INCIDENT: [
    { title: 'Site is down for all users', description: 'The home page answers with an error since 09:10.' },
    { title: 'Payment errors for many customers', description: 'Card payments fail for most customers since this morning.' },
    { title: 'Sign-in broken after the update', description: 'Nobody can sign in to the member area.' },
    { title: 'Emails from the site are not sent', description: 'Order confirmations stopped arriving for everyone.' },
  ],
};

export const AGENT_REPLIES = [
  'Thanks for reporting this, we are looking into it now.',
  'We found the cause and are preparing a fix.',
  'Could you send us a screenshot and the time it happened?',
  'The fix is live; please check again on your side.',
  'We have scheduled a call with your team for tomorrow.',
  'Here is a short guide for the steps you asked about.',
] as const;

export const CLIENT_REPLIES = [
  'Here is the screenshot you asked for.',
  'It happened again this afternoon.',
  'Thanks, that answers our question.',
  'We checked, it still does not work for some users.',
  'Please call our office manager, she has the details.',
] as const;

export const INTERNAL_NOTES = ['Checked the logs, nothing unusual before 09:00.', 'Asked the developer on duty to have a look.', 'Similar issue last month, see the earlier ticket.'] as const;

export const REOPEN_REASONS = ['The problem is back', 'The fix only works on desktop', 'Still happening for some customers'] as const;
