/**
 * What a booking of a scarce shared thing and a time shown in a zone call for (TRIAL9 W12): a reservation (a Booking
 * of a Slot, a Reservation of a Table) lets one account hold every slot unless live ones per caller are capped, and a
 * hold expires; a time zone the request gives (a TimeZone input) is checked as an IANA name, or "Mars/Base" passes a
 * string rule, and times are kept in UTC.
 */
import type { PlanInput } from "../schema.js";
import type { Names } from "../names.js";

/** The item a create makes under its resource, named as a reservation of it. */
const RESERVATION = /^(?:Booking|Reservation|Hold|Appointment|Registration|Enrol?lment|Rsvp|SeatHold|TicketHold)s?$/;

/** Whether the create makes a reservation of the resource: its new item is a Booking or Reservation, or it moves the resource to Booked, Reserved or Held. */
export function reservationOf(child: Names | undefined, input: Pick<PlanInput, "transitions">): boolean {
  if (child && RESERVATION.test(child.pascal)) return true;
  return booksResourceOf(input);
}

/**
 * Whether the reservation holds the resource itself, moved to Booked, Reserved or Held (a Slot); else it holds a slot of
 * the resource (a Reservation at a Restaurant holds a table for a time, never the Restaurant: TRIAL17B B7).
 */
export const booksResourceOf = (input: Pick<PlanInput, "transitions">): boolean => input.transitions.some((t) => /^(?:Booked|Reserved|Held|Taken)$/.test(t.to));

/** An input naming a time zone: TimeZone, Zone, Tz, IanaZone, ReportTimeZone. */
export const isZoneInput = (name: string): boolean => /^(?:(?:time-?)?zone|tz|iana-?zone)$/i.test(name.trim()) || /TimeZone$/.test(name);

/**
 * Whether the request gives a time zone (a TimeZone or Tz input): its zone must be an IANA name. A date-time input
 * alone carries its offset and is checked by its own rule, so nothing is added for it.
 */
export const zonedTimeOf = (input: Pick<PlanInput, "valueObjects">): boolean => input.valueObjects.some((vo) => isZoneInput(vo.name));

/**
 * Whether the request gives a time as an instant with an offset (a `datetime` input, SlotStart): a reservation at a
 * place then converts it into the place's zone and never meets a daylight-saving gap or overlap, which only a local
 * time without an offset has (TRIAL20 G6).
 */
export const instantTimeOf = (input: Pick<PlanInput, "valueObjects">): boolean => input.valueObjects.some((vo) => vo.rule.kind === "datetime");
