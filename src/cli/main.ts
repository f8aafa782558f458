console.log('mentoring');
