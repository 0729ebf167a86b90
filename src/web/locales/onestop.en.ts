import type { onestopVi } from './onestop.vi.js';

/** One-stop shop strings, English, key for key. */
export const onestopEn: typeof onestopVi = {
  nav: { announcements: 'Announcements', appointments: 'Appointments', admin: 'Procedures and calendar', indicators: 'One-stop indicators', dossiers: 'One-stop dossiers', counter: 'Counter submission', procedures: 'Procedures', lookup: 'Track a dossier' },
  status: {
    NEW: 'New', RECEIVED: 'Received', REFUSED: 'Refused', PROCESSING: 'Processing', SUPPLEMENT_REQUESTED: 'Waiting for papers',
    PAYMENT_REQUESTED: 'Fee due', WITHDRAWN: 'Withdrawn', STOPPED: 'Stopped', RESOLVED: 'Result ready', RETURNED: 'Result returned',
  },
  action: {
    SUBMIT: 'Submitted', RECEIVE: 'Receive', REFUSE: 'Refuse', REQUEST_SUPPLEMENT: 'Ask for papers', SUPPLEMENT: 'Papers provided', ASSIGN: 'Assign',
    REQUEST_PAYMENT: 'Ask for the fee', SEND_FOR_APPROVAL: 'Send for approval', SEND_BACK: 'Send back', APPROVE: 'Approve', RESOLVE: 'Resolve',
    RETURN: 'Return the result', WITHDRAW: 'Withdraw', STOP: 'Stop', APOLOGIZE: 'Apologise and set a new date', PAY: 'Fee paid',
  },
  queue: { all: 'All', to_receive: 'To receive', mine: 'Mine', due_soon: 'Due soon', overdue: 'Overdue', supplement: 'Waiting for papers', to_approve: 'To approve', to_return: 'To return', closed: 'Closed' },
  channel: { IN_PERSON: 'In person', ONLINE: 'Online', POSTAL: 'By post' },
  returnMethod: { COUNTER: 'Collect at the one-stop counter', POST: 'Send home by post', ONLINE: 'Electronic copy' },
  field: { HO_TICH: 'Civil status', CHUNG_THUC: 'Certification', CU_TRU: 'Residence', HO_KINH_DOANH: 'Household business', BAO_TRO_XA_HOI: 'Social protection', NGUOI_CO_CONG: 'People with merit', DAT_DAI: 'Land', XAY_DUNG: 'Construction', BAO_HIEM: 'Insurance', KHAC: 'Other' },
  time: { WORKING_DAY: '{{count}} working days', CALENDAR_DAY: '{{count}} days', SAME_DAY: 'Same day (submit before {{cutoff}})', IMMEDIATE: 'Immediately' },
  online: { FULL: 'Fully online', PARTIAL: 'Partly online', NONE: 'In person only' },
  copyType: { ORIGINAL: 'Original', COPY: 'Copy', ELECTRONIC: 'Electronic' },
  rating: { SATISFIED: 'Satisfied', ACCEPTABLE: 'Acceptable', UNSATISFIED: 'Unsatisfied' },
  procedure: {
    fieldLabel: 'Field', catalog: 'Commune-level procedures', search: 'Find a procedure (e.g. birth, temporary residence)', time: 'Time limit', fees: 'Fees', free: 'Free',
    documents: 'Papers needed', count: '{{count}} copies', optional: 'optional', howToSubmit: 'How to submit', postal: 'Papers and results by post accepted', postalNo: 'Not by post',
    submitOnline: 'Submit online', atCounter: 'This procedure is submitted at the one-stop counter of the commune or ward.', legal: 'Legal basis', code: 'Procedure code', poster: 'Print the QR poster (A4)', qr: "The procedure's QR code",
    channelFee: { IN_PERSON: 'In person', ONLINE: 'Online', POSTAL: 'By post' },
  },
  submit: {
    title: 'Submit: {{name}}', commune: 'Commune or ward', chooseCommune: 'Choose a commune or ward', applicant: 'Applicant', fullName: 'Full name', personalId: 'Personal ID number (12 digits)',
    phone: 'Phone number', email: 'Email (optional)', address: 'Contact address (optional)', details: 'Details for this procedure', papers: 'Papers',
    papersHint: 'Photograph or scan your papers (PDF, JPEG, PNG; up to 10 MB each). Each file is sent as soon as you pick it.', uploading: 'Sending…', uploaded: 'Sent', remove: 'Remove',
    result: 'How to get the result', postalAddress: 'Postal address for the result', fee: 'Fee to pay: {{fee}}', send: 'Submit', sending: 'Submitting…',
    done: 'Dossier submitted', yourCode: 'Your dossier code', keepCode: 'Keep this code. Follow the dossier with the link below, or look it up with the code and the last 4 digits of your phone.',
    receipt: 'Download the receipt (PDF)', follow: 'Follow the dossier', bundleAlso: 'Submitted together', another: 'Submit another', onBehalf: "Submit at the counter on a citizen's behalf",
  },
  track: {
    title: 'Dossier {{code}}', applicant: 'Applicant', submitted: 'Submitted', received: 'Received', due: 'Due', extended: 'New date', overdue: 'Overdue',
    timeline: 'Progress', forms: 'Forms', form: { '01': 'Receipt and appointment', '02': 'Request for papers', '03': 'Refusal', '04': 'Apology and new date', '05': 'Notice of stop' },
    withdraw: 'Withdraw the dossier', withdrawReason: 'Why you withdraw', supplement: 'Send the papers asked for', rate: 'Rate the service', rateComment: 'Comment (optional)', sendRating: 'Send rating',
    thanks: 'Thank you for your rating: {{rating}}', lookupTitle: 'Track a dossier', lookupCode: 'Dossier code', lookupPhone: 'Last 4 digits of the phone you gave', lookupSend: 'Look up', fee: 'Fee', paid: 'paid', unpaid: 'not paid', payTitle: 'Pay the fee with VietQR', payHint: 'Open your banking app and scan: the amount and the transfer note (with the dossier code) are filled in.', payTo: 'Paid to: {{name}}',
  },
  indicators: { title: 'One-stop indicators', unit: 'Unit', year: 'Year', received: 'Dossiers received', onlineRate: 'Online rate', fullOnlineRate: 'Fully online', onTimeRate: 'On time', digitizedRate: 'Digitized', onlinePaymentRate: 'Paid online', satisfactionRate: 'Satisfied', overdueNow: 'Overdue now', byMonth: 'Dossiers by month', communes: 'Communes compared (ranked by on-time rate)', other: 'In person, by post' },
  counter: {
    book: 'Book an appointment', bookTitle: 'Book a time at the one-stop counter', chooseSlot: 'Choose a time', left: '{{count}} places left', full: 'full', noSlots: 'No times take appointments in the coming days',
    booked: 'Booked for {{start}} on {{day}}. At the counter, give your name to get a queue number.', cancel: 'Cancel the appointment', cancelled: 'Appointment cancelled',
    today: 'Counter appointments', day: 'Day', checkIn: 'Arrived: give a number', number: 'No. {{n}}', walkIn: 'Queue number for a walk-in', walkInNumber: 'Queue number: {{n}}',
    status: { BOOKED: 'Booked', CANCELLED: 'Cancelled', CHECKED_IN: 'Arrived' },
    post: 'Post', direction: { IN: 'Papers received by post', OUT: 'Result sent by post' }, tracking: 'Tracking number', addShipment: 'Record a shipment',
    shipmentStatus: { CREATED: 'Created', IN_TRANSIT: 'In transit', DELIVERED: 'Delivered', RETURNED_TO_SENDER: 'Returned to sender', LOST: 'Lost' },
  },
  admin: {
    procedures: 'Manage procedures', calendar: 'Working calendar', version: 'Version {{v}}', status: { DRAFT: 'Draft', PUBLISHED: 'Published', RETIRED: 'Replaced' },
    retire: 'Retire', retireConfirm: 'Retire procedure {{code}}? It will no longer be published.', newVersion: 'New version', publish: 'Publish', timeAmount: 'Time limit (days)', timeUnit: 'Time unit', feeInPerson: 'Fee in person (VND)', feeOnline: 'Fee online (VND)',
    legalBasis: 'Legal basis', nameVi: 'Name (Vietnamese)', nameEn: 'Name (English)', saveDraft: 'Save draft',
    kind: { HOLIDAY: 'Holiday', WORKDAY: 'Working day (swap)' }, addDay: 'Add a day', remove: 'Remove', source: { RULE: 'By law', ADMIN: 'Entered by staff' }, dayName: 'Name (Vietnamese)', dayNameEn: 'Name (English)',
  },
  citizen: {
    account: 'My account', signIn: 'Sign in', signUp: 'Open an account', signOut: 'Sign out', phone: 'Phone number', password: 'Password', newPassword: 'Password (at least 10 characters)',
    sendCode: 'Send a code by SMS', codeSent: 'A 6-digit code was sent to {{phone}}', code: 'Code (6 digits)', create: 'Open the account', myDossiers: 'My dossiers', noDossiers: 'No dossiers yet',
    submittingAs: 'Submitting as: {{name}}', or: 'or', hint: 'With an account you do not retype your details each time, and you see all your dossiers.',
  },
  settings: {
    title: 'One-stop counter settings', codePattern: 'Dossier code pattern', cutoff: 'Cut-off time for same-day procedures', saturday: 'Open on Saturday mornings',
    bankBin: 'Bank BIN (6 digits)', bankAccount: 'Account receiving fees', bankName: 'Account name', cashless: 'Cashless days',
    hours: 'Counter hours (e.g. 07:30-11:30,13:30-17:00)', slotMinutes: 'Appointment length (minutes)', capacity: 'People per appointment slot', noAppointment: 'Days without appointments',
    closedDays: 'Days the counter is closed (one per line, dd/mm/yyyy)', saved: 'Settings saved',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
  announce: {
    title: 'Announcements', write: 'Write an announcement', heading: 'Title', body: 'Text', category: 'Category', priority: 'Priority', units: 'Send to (residential groups)',
    ageMin: 'From age', ageMax: 'To age', boardingOnly: 'Boarding houses only', public: "Publish on the commune's page", ack: 'Ask households to acknowledge',
    size: 'Reaches {{households}} households, {{people}} people', check: 'Count recipients', saveDraft: 'Save draft', send: 'Send', sent: 'Sent to {{count}} households', reach: 'Reach',
    reached: 'Reached (any channel)', targeted: 'Households', read: 'Read', acknowledged: 'Acknowledged', notReached: 'Households not yet acknowledged (for the digital team to visit)', feed: 'Announcements of {{commune}}', confirm: 'My household has received it', confirmed: 'Acknowledged, thank you', signInToConfirm: 'Sign in to acknowledge',
    category_: { POLICY: 'Policy', HEALTH: 'Health', CAMPAIGN: 'Campaign', EMERGENCY: 'Emergency', EVENT: 'Event', PROCEDURE: 'Procedure' },
    priority_: { NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' }, status_: { DRAFT: 'Draft', SCHEDULED: 'Scheduled', SENT: 'Sent', CANCELLED: 'Cancelled' },
  },
  desk: {
    title: 'One-stop dossiers', searchHint: "Dossier code or applicant's name", procedure: 'Procedure', applicant: 'Applicant', due: 'Due', assignee: 'Assignee', none: 'No dossiers',
    reason: 'Reason / details', newDueDate: 'New return date', assignTo: 'Assign to', me: 'Me', selectAll: 'Select all', bulkAssign: 'Assign the selected dossiers', assignedCount: '{{count}} dossiers assigned',
    refusedCount: '{{count}} dossiers could not be assigned', papers: 'Papers', scan: 'Scan and attach a paper', resultFile: 'Attach the result', fields: 'Declared details', awaitingApproval: "Waiting for the leader's approval",
    onTime: 'On time', late: 'Late', statusLink: "Citizen's status page", noActions: 'No action possible in this status', counterTitle: 'Counter submission', applicantContact: 'Contact', cash: 'Take {{fee}} in cash', cashDone: 'Paid, receipt {{receipt}}',
  },
};
