import type { counterVi } from './counter.vi.js';

/** The counter: appointments, queue numbers, postal shipments, in English, key for key. */
export const counterEn: typeof counterVi = {
  book: 'Book an appointment',
  bookTitle: 'Book a time at the one-stop counter',
  chooseSlot: 'Choose a time',
  left: '{{count}} places left',
  full: 'full',
  noSlots: 'No times take appointments in the coming days',
  booked: 'Booked for {{start}} on {{day}}. At the counter, give your name to get a queue number.',
  cancel: 'Cancel the appointment',
  cancelled: 'Appointment cancelled',
  today: 'Counter appointments',
  day: 'Day',
  checkIn: 'Arrived: give a number',
  number: 'No. {{n}}',
  walkIn: 'Queue number for a walk-in',
  walkInNumber: 'Queue number: {{n}}',
  status: { BOOKED: 'Booked', CANCELLED: 'Cancelled', CHECKED_IN: 'Arrived' },
  post: 'Post',
  direction: { IN: 'Papers received by post', OUT: 'Result sent by post' },
  tracking: 'Tracking number',
  shipAddress: 'Delivery address',
  postage: 'Postage (VND)',
  addShipment: 'Record a shipment',
  shipmentStatus: {
    CREATED: 'Created',
    IN_TRANSIT: 'In transit',
    DELIVERED: 'Delivered',
    RETURNED_TO_SENDER: 'Returned to sender',
    LOST: 'Lost',
  },
};
