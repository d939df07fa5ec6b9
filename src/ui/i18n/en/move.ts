/** Moving the twin to a new device (src/ui/backup/MoveOut.tsx, MoveSteps.tsx): the old device's side and the new one's. */
export const move = {
  'move.title': 'Move to a new device',
  'move.open': 'Move to a new device',
  'move.intro':
    'Your whole twin goes to the new device as one encrypted file, opened there with a code Doppel makes now. There is no account and no server: you carry the file across yourself, and no one can read it without the code.',
  'move.empty':
    'There is nothing on this device to move yet: no imports and no measurements of yours. If your twin is on another device, move it from there.',
  'move.make': 'Make the file for the new device',
  'move.making': 'Making the file…',
  'move.saved': 'Saved {file} ({count} measurements) in this device’s downloads. Now send it to the new device.',
  'move.ready': '{file} is ready: {count} measurements. Send it to the new device.',
  'move.sent': 'Sent {file}: {count} measurements.',
  'move.send': 'Send…',
  'move.saveHere': 'Save on this device',
  'move.savedHere': 'Saved {file} in this device’s downloads. Now send it to the new device.',
  'move.sendFailed': 'The file could not be sent: {error}',
  'move.failed': 'The file could not be made: {error}',
  'move.codeIs':
    'The code for the new device. Keep this screen open until the move is done, or write the code down: Doppel does not keep it, and without it the file cannot be opened.',
  'move.qrLabel': 'QR code of the code for the new device {code}',
  'move.there.title': 'Then, on the new device',
  'move.there.send':
    'Send the file to the new device, the way you like: with Send… (a nearby share, a message or an email to yourself), with a cable, or through a cloud drive you choose. The file is encrypted on the way.',
  'move.there.open': 'Open Doppel there, in its browser at {address}, or the installed app.',
  'move.there.restore': 'Choose “Restore a backup” on its first screen (or in Settings, under Back up and restore).',
  'move.there.pick':
    'Choose the file or drop it on the screen. Where Doppel is installed, you can also open the file with Doppel or share it to Doppel.',
  'move.there.code': 'Scan the QR code on this screen with the new device’s camera, or type the code, then choose Restore.',
  'move.keep':
    'Your data stay on this device too. Once your twin looks right on the new device, you can delete it here (Settings, Delete everything).',
  'move.in.title': 'Moving from another device?',
  'move.in.old':
    'On the old device, open Doppel and choose Settings, then Back up and restore, then Move to a new device. It makes a file and shows a code.',
  'move.in.send':
    'Send that file to this device: with a nearby share, a message or an email to yourself, a cable, or a cloud drive you choose.',
  'move.in.pick':
    'Choose the file below or drop it here. Where Doppel is installed, you can also open the file with Doppel or share it to Doppel.',
  'move.in.code': 'Scan the QR code on the old device’s screen, or type the code shown there, then choose Restore.',
  'move.back': 'Back to Back up and restore',
} as const;
