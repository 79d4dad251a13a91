/**
 * Calendar dates (`YYYY-MM-DD`) as the product takes them anywhere: the registry, token expiry,
 * query parameters, the command line. A date is taken only when it is a day of the calendar
 * (`2025-06-31`, `2025-13-01`, `0000-00-00`, `2027-02-30` are not), so nothing impossible is
 * stored and no later date arithmetic can fail on it.
 */
import { z } from 'zod';
import { fieldIssue } from '../problems';
import { isCalendarDate } from './days';

export { addDays, dayAfter, daysInMonth, isCalendarDate, weekday } from './days';

/** The one schema of a calendar date: a coded `iso_date` issue names the field when it is not one. */
export const CalendarDateSchema = z.string().refine(isCalendarDate, fieldIssue('iso_date'));
