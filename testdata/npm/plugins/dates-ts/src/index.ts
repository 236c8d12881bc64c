// TypeScript plugin using dayjs and two of its plugins (CommonJS packages imported from TypeScript).
import dayjs, { Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import isLeapYear from 'dayjs/plugin/isLeapYear';
import type { Request, Response, Router } from 'express';

dayjs.extend(utc);
dayjs.extend(customParseFormat);
dayjs.extend(isLeapYear);

interface PluginInfo {
    id: string;
    name: string;
    description: string;
}

enum Unit {
    Day = 'day',
    Month = 'month',
}

const fixed: Dayjs = dayjs.utc('2024-02-29T13:05:09.123Z');

function describe(d: Dayjs, unit: Unit): Record<string, string | number | boolean> {
    return {
        iso: d.toISOString(),
        formatted: d.format('dddd, MMMM D YYYY [at] HH:mm:ss.SSS'),
        nextYear: d.add(1, 'year').format('YYYY-MM-DD'),
        startOf: d.startOf(unit).toISOString(),
        leap: d.isLeapYear(),
        unix: d.unix(),
    };
}

export const info: PluginInfo = { id: 'dates-ts', name: 'Dates (TypeScript)', description: 'dayjs from TypeScript' };

export async function init(router: Router): Promise<void> {
    router.get('/dates', (req: Request, res: Response) => {
        const parsed = dayjs.utc('05/03/2024 07:30', 'DD/MM/YYYY HH:mm', true);
        res.json({
            ...describe(fixed, Unit.Month),
            parsed: parsed.format('YYYY-MM-DDTHH:mm'),
            strictInvalid: dayjs('2024-13-45', 'YYYY-MM-DD', true).isValid(),
            diffDays: dayjs.utc('2024-03-10').diff(fixed.startOf(Unit.Day), Unit.Day),
        });
    });
}

export async function exit(): Promise<void> {}
